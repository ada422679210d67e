#include "runtime/engine/js_regex_program.h"

#include <optional>

namespace clawgate::js_regex {
namespace {

constexpr size_t kMaxProgram = 50'000;

class Compiler {
 public:
  Compiler(std::vector<Inst>* code, CompileOptions options) : code_(code), options_(options) {}
  int registers() const { return registers_; }

  void Emit(const Node& n) {
    if (code_->size() > kMaxProgram) throw Unsupported("a pattern too large to compile");
    switch (n.kind) {
      case Node::Kind::kEmpty:
        return;
      case Node::Kind::kChar:
        Add({Op::kChar, n.ch});
        return;
      case Node::Kind::kAny:
        Add({Op::kAny});
        return;
      case Node::Kind::kClass:
        Add({Op::kClass, n.set});
        return;
      case Node::Kind::kSeq:
        for (const auto& child : n.children) Emit(*child);
        return;
      case Node::Kind::kAlt: {
        std::vector<size_t> jumps;
        for (size_t i = 0; i < n.children.size(); ++i) {
          if (i + 1 < n.children.size()) {
            const size_t split = Add({Op::kSplit});
            (*code_)[split].a = Here();
            Emit(*n.children[i]);
            jumps.push_back(Add({Op::kJmp}));
            (*code_)[split].b = Here();
          } else {
            Emit(*n.children[i]);
          }
        }
        for (const size_t j : jumps) (*code_)[j].a = Here();
        return;
      }
      case Node::Kind::kGroup:
        if (n.capture > 0) Add({Op::kSave, 2 * n.capture});
        Emit(*n.children[0]);
        if (n.capture > 0) Add({Op::kSave, 2 * n.capture + 1});
        return;
      case Node::Kind::kRepeat:
        EmitRepeat(n);
        return;
      case Node::Kind::kBegin:
        Add({Op::kBegin});
        return;
      case Node::Kind::kEnd:
        Add({Op::kEnd});
        return;
      case Node::Kind::kWordB:
        Add({Op::kWordB});
        return;
      case Node::Kind::kNotWordB:
        Add({Op::kNotWordB});
        return;
      case Node::Kind::kBackref:
        Add({Op::kBackref, n.backref});
        return;
      case Node::Kind::kLook: {
        const size_t start = Add({Op::kLookStart, 0, n.negative ? 1 : 0});
        ++look_depth_;
        Emit(*n.children[0]);
        --look_depth_;
        (*code_)[start].a = static_cast<int>(Add({Op::kLookEnd}));
        return;
      }
    }
  }

 private:
  size_t Add(Inst inst) {
    code_->push_back(inst);
    return code_->size() - 1;
  }
  int Here() const { return static_cast<int>(code_->size()); }

  // One iteration of the atom: its captures reset first (RepeatMatcher).
  void Iteration(const Node& n) {
    if (n.last_capture > n.first_capture) Add({Op::kClear, 2 * n.first_capture, 2 * n.last_capture});
    Emit(*n.children[0]);
  }

  // An optional iteration, which must consume something (JavaScript rejects
  // an empty iteration once the minimum is met).
  void OptionalIteration(const Node& n, bool loop) {
    const int reg = registers_++;
    const size_t split = Add({Op::kSplit});
    const int body = Here();
    Add({Op::kMark, reg});
    Iteration(n);
    Add({Op::kProgress, reg});
    if (loop) Add({Op::kJmp, static_cast<int>(split)});
    const int after = Here();
    (*code_)[split].a = n.greedy ? body : after;
    (*code_)[split].b = n.greedy ? after : body;
  }

  void EmitRepeat(const Node& n) {
    for (int i = 0; i < n.min; ++i) {
      Iteration(n);
      if (code_->size() > kMaxProgram) throw Unsupported("a pattern too large to compile");
    }
    if (n.max == -1) {
      // One unit, greedy, outside a lookahead (whose end keeps the loop's
      // register entries, which a kStar has none of, to undo later).
      const Node& atom = *n.children[0];
      const bool one_unit =
          atom.kind == Node::Kind::kChar || atom.kind == Node::Kind::kClass || atom.kind == Node::Kind::kAny;
      if (options_.fuse_stars && n.greedy && one_unit && look_depth_ == 0) {
        const Op op = atom.kind == Node::Kind::kChar    ? Op::kChar
                      : atom.kind == Node::Kind::kClass ? Op::kClass
                                                        : Op::kAny;
        const int a = atom.kind == Node::Kind::kChar ? atom.ch : atom.kind == Node::Kind::kClass ? atom.set : 0;
        Add({Op::kStar, a, static_cast<int>(op)});
        return;
      }
      OptionalIteration(n, true);
      return;
    }
    for (int i = n.min; i < n.max; ++i) {
      OptionalIteration(n, false);
      if (code_->size() > kMaxProgram) throw Unsupported("a pattern too large to compile");
    }
  }

  std::vector<Inst>* code_;
  CompileOptions options_;
  int registers_ = 0;
  int look_depth_ = 0;
};

// The backtracking machine.
class Machine {
 public:
  // kGiveBack: a kStar's untried shorter matches, positions [low, b).
  enum class Kind : uint8_t { kChoice, kRestoreCapture, kRestoreRegister, kLook, kGiveBack };
  struct Entry {
    Kind kind;
    int a;      // pc, slot or register; for kLook and kGiveBack: continuation pc
    int64_t b;  // position or old value; for kLook: position; for kGiveBack: the last position tried
    int negative = 0;
    int64_t low = 0;  // kGiveBack: the star's first position
  };
  // The machine's stacks, kept from one run to the next on a thread.
  struct Scratch {
    std::vector<int64_t> captures;
    std::vector<int64_t> registers;
    std::vector<Entry> stack;
    std::vector<Entry> kept;
  };

  Machine(const Program& p, const std::u16string& subject, int64_t budget, Scratch* scratch)
      : p_(p),
        s_(subject),
        budget_(budget),
        captures_(scratch->captures),
        registers_(scratch->registers),
        stack_(scratch->stack),
        kept_(scratch->kept) {}

  MatchResult Run() {
    const size_t last_start = p_.anchored ? 0 : s_.size();
    for (size_t start = 0; start <= last_start; ++start) {
      const MatchResult r = RunAt(start);
      if (r != MatchResult::kNoMatch) return r;
    }
    return MatchResult::kNoMatch;
  }

 private:
  // Whether subject unit `u` equals pattern unit `c`; nullopt when only
  // Unicode case tables could tell.
  std::optional<bool> SameChar(char16_t u, char16_t c) const {
    if (u == c) return true;
    if (!p_.ignore_case) return false;
    if (u < 0x80 && c < 0x80) return AsciiUpper(u) == AsciiUpper(c);
    if (u < 0x80 || c < 0x80) return false;  // canonicalisation never maps between ASCII and not
    return std::nullopt;
  }

  std::optional<bool> InSet(const CharSet& set, char16_t u) const {
    bool found = set.Contains(u);
    if (!found && p_.ignore_case) {
      if (u < 0x80) {
        found = set.Contains(AsciiOtherCase(u));
      } else if (set.HasNonAscii()) {
        return std::nullopt;
      }
    }
    return found != set.invert;
  }

  MatchResult RunAt(size_t start) {
    captures_.assign(2 * (static_cast<size_t>(p_.captures) + 1), -1);
    registers_.assign(static_cast<size_t>(p_.registers), -1);
    stack_.clear();
    int pc = 0;
    int64_t sp = static_cast<int64_t>(start);
    const int64_t n = static_cast<int64_t>(s_.size());
    while (true) {
      if (--budget_ < 0) return MatchResult::kUnknown;
      const Inst& in = p_.code[static_cast<size_t>(pc)];
      bool ok = true;
      switch (in.op) {
        case Op::kChar: {
          if (sp >= n) {
            ok = false;
            break;
          }
          const auto same = SameChar(s_[static_cast<size_t>(sp)], static_cast<char16_t>(in.a));
          if (!same) return MatchResult::kUnknown;
          ok = *same;
          if (ok) {
            ++sp;
            ++pc;
          }
          break;
        }
        case Op::kAny:
          ok = sp < n && !IsLineTerminator(s_[static_cast<size_t>(sp)]);
          if (ok) {
            ++sp;
            ++pc;
          }
          break;
        case Op::kClass: {
          if (sp >= n) {
            ok = false;
            break;
          }
          const auto in_set = InSet(p_.sets[static_cast<size_t>(in.a)], s_[static_cast<size_t>(sp)]);
          if (!in_set) return MatchResult::kUnknown;
          ok = *in_set;
          if (ok) {
            ++sp;
            ++pc;
          }
          break;
        }
        case Op::kSplit:
          stack_.push_back({Kind::kChoice, in.b, sp});
          pc = in.a;
          break;
        case Op::kJmp:
          pc = in.a;
          break;
        case Op::kSave:
          stack_.push_back({Kind::kRestoreCapture, in.a, captures_[static_cast<size_t>(in.a)]});
          captures_[static_cast<size_t>(in.a)] = sp;
          ++pc;
          break;
        case Op::kClear:
          for (int slot = in.a; slot < in.b; ++slot) {
            if (captures_[static_cast<size_t>(slot)] == -1) continue;
            stack_.push_back({Kind::kRestoreCapture, slot, captures_[static_cast<size_t>(slot)]});
            captures_[static_cast<size_t>(slot)] = -1;
          }
          ++pc;
          break;
        case Op::kMark:
          stack_.push_back({Kind::kRestoreRegister, in.a, registers_[static_cast<size_t>(in.a)]});
          registers_[static_cast<size_t>(in.a)] = sp;
          ++pc;
          break;
        case Op::kProgress:
          ok = registers_[static_cast<size_t>(in.a)] != sp;
          ++pc;
          break;
        case Op::kBegin:
          ok = sp == 0;
          ++pc;
          break;
        case Op::kEnd:
          ok = sp == n;
          ++pc;
          break;
        case Op::kWordB:
        case Op::kNotWordB: {
          const bool before = sp > 0 && IsWordChar(s_[static_cast<size_t>(sp - 1)]);
          const bool after = sp < n && IsWordChar(s_[static_cast<size_t>(sp)]);
          ok = (before != after) == (in.op == Op::kWordB);
          ++pc;
          break;
        }
        case Op::kBackref: {
          const int64_t from = captures_[2 * static_cast<size_t>(in.a)];
          const int64_t to = captures_[2 * static_cast<size_t>(in.a) + 1];
          ++pc;
          if (from < 0 || to < 0) break;  // an unset group matches the empty string
          const int64_t length = to - from;
          if (sp + length > n) {
            ok = false;
            break;
          }
          for (int64_t i = 0; i < length && ok; ++i) {
            const auto same = SameChar(s_[static_cast<size_t>(sp + i)], s_[static_cast<size_t>(from + i)]);
            if (!same) return MatchResult::kUnknown;
            ok = *same;
          }
          if (ok) sp += length;
          break;
        }
        case Op::kLookStart:
          stack_.push_back({Kind::kLook, in.a + 1, sp, in.b});
          ++pc;
          break;
        case Op::kLookEnd: {
          // The lookahead's body matched: cut its choice points.
          size_t barrier = stack_.size();
          while (barrier > 0 && stack_[barrier - 1].kind != Kind::kLook) --barrier;
          const Entry look = stack_[barrier - 1];
          if (look.negative != 0) {
            // Undo what the body did, then fail below the lookahead.
            while (stack_.size() > barrier) Undo();
            stack_.pop_back();
            ok = false;
            break;
          }
          kept_.clear();
          for (size_t i = barrier; i < stack_.size(); ++i) {
            if (stack_[i].kind != Kind::kChoice && stack_[i].kind != Kind::kGiveBack) kept_.push_back(stack_[i]);
          }
          stack_.resize(barrier - 1);
          stack_.insert(stack_.end(), kept_.begin(), kept_.end());
          sp = look.b;
          pc = look.a;
          break;
        }
        case Op::kMatch:
          return MatchResult::kMatch;
        case Op::kStar: {
          // The loop it stands for takes five steps per unit matched and
          // five more to fail the next and resume after it (kSplit, kMark,
          // the atom, then undoing kMark and taking kSplit's other way).
          int64_t end = sp;
          for (; end < n; ++end) {
            const char16_t u = s_[static_cast<size_t>(end)];
            const auto matched = in.b == static_cast<int>(Op::kChar)    ? SameChar(u, static_cast<char16_t>(in.a))
                                 : in.b == static_cast<int>(Op::kClass) ? InSet(p_.sets[static_cast<size_t>(in.a)], u)
                                                                        : std::optional<bool>(!IsLineTerminator(u));
            if (!matched) return MatchResult::kUnknown;
            if (!*matched) break;
          }
          budget_ -= 5 * (end - sp) + 4;
          if (budget_ < 0) return MatchResult::kUnknown;
          if (end > sp) stack_.push_back({Kind::kGiveBack, pc + 1, end, 0, sp});
          sp = end;
          ++pc;
          break;
        }
      }
      if (ok) continue;
      // Backtrack.
      bool resumed = false;
      while (!stack_.empty() && !resumed) {
        if (--budget_ < 0) return MatchResult::kUnknown;
        const Entry e = stack_.back();
        if (e.kind == Kind::kChoice) {
          stack_.pop_back();
          pc = e.a;
          sp = e.b;
          resumed = true;
        } else if (e.kind == Kind::kLook) {
          stack_.pop_back();
          if (e.negative != 0) {  // the body failed: the negative lookahead holds
            pc = e.a;
            sp = e.b;
            resumed = true;
          }
        } else if (e.kind == Kind::kGiveBack) {
          // One unit fewer: as the loop's register entry undone and its
          // choice taken (two steps).
          if (--budget_ < 0) return MatchResult::kUnknown;
          sp = e.b - 1;
          if (sp == e.low) {
            stack_.pop_back();
          } else {
            stack_.back().b = sp;
          }
          pc = e.a;
          resumed = true;
        } else {
          Undo();
        }
      }
      if (!resumed) return MatchResult::kNoMatch;
    }
  }

  // Pops one restore entry and applies it.
  void Undo() {
    const Entry e = stack_.back();
    stack_.pop_back();
    if (e.kind == Kind::kRestoreCapture) captures_[static_cast<size_t>(e.a)] = e.b;
    if (e.kind == Kind::kRestoreRegister) registers_[static_cast<size_t>(e.a)] = e.b;
  }

  const Program& p_;
  const std::u16string& s_;
  int64_t budget_;
  std::vector<int64_t>& captures_;
  std::vector<int64_t>& registers_;
  std::vector<Entry>& stack_;
  std::vector<Entry>& kept_;
};

}  // namespace

namespace {

// The units an anchored program can consume first (Program::first_units),
// or nullopt when some path can match, test a boundary or a backreference,
// or consume a unit outside ASCII (or any unit) before consuming one.
std::optional<std::bitset<128>> FirstUnits(const Program& p) {
  std::bitset<128> units;
  std::vector<bool> seen(p.code.size(), false);
  std::vector<int> pending = {0};
  const auto add = [&](char16_t u) {
    if (u >= 0x80) return false;
    units.set(u);
    if (p.ignore_case) units.set(AsciiOtherCase(u));
    return true;
  };
  while (!pending.empty()) {
    const int pc = pending.back();
    pending.pop_back();
    if (pc < 0 || static_cast<size_t>(pc) >= p.code.size()) return std::nullopt;
    if (seen[static_cast<size_t>(pc)]) continue;
    seen[static_cast<size_t>(pc)] = true;
    const Inst& in = p.code[static_cast<size_t>(pc)];
    switch (in.op) {
      case Op::kChar:
        if (!add(static_cast<char16_t>(in.a))) return std::nullopt;
        break;
      case Op::kClass: {
        const CharSet& set = p.sets[static_cast<size_t>(in.a)];
        if (set.invert || set.HasNonAscii()) return std::nullopt;
        for (const Range& r : set.ranges) {
          for (uint32_t u = r.lo; u <= r.hi; ++u) add(static_cast<char16_t>(u));
        }
        break;
      }
      case Op::kSplit:
        pending.push_back(in.a);
        pending.push_back(in.b);
        break;
      case Op::kStar:  // the atom's units, or none of them and what follows
        if (in.b == static_cast<int>(Op::kChar)) {
          if (!add(static_cast<char16_t>(in.a))) return std::nullopt;
        } else if (in.b == static_cast<int>(Op::kClass)) {
          const CharSet& set = p.sets[static_cast<size_t>(in.a)];
          if (set.invert || set.HasNonAscii()) return std::nullopt;
          for (const Range& r : set.ranges) {
            for (uint32_t u = r.lo; u <= r.hi; ++u) add(static_cast<char16_t>(u));
          }
        } else {
          return std::nullopt;  // kAny
        }
        pending.push_back(pc + 1);
        break;
      case Op::kJmp:
        pending.push_back(in.a);
        break;
      case Op::kLookStart:
        pending.push_back(in.a + 1);  // after the lookahead, which consumes nothing
        break;
      case Op::kSave:
      case Op::kClear:
      case Op::kMark:
      case Op::kProgress:
      case Op::kBegin:
        pending.push_back(pc + 1);
        break;
      case Op::kAny:
      case Op::kEnd:
      case Op::kWordB:
      case Op::kNotWordB:
      case Op::kBackref:
      case Op::kLookEnd:
      case Op::kMatch:
        return std::nullopt;
    }
  }
  return units;
}

}  // namespace

void CompileProgram(const Node& root, Program* program, CompileOptions options) {
  Compiler compiler(&program->code, options);
  compiler.Emit(root);
  program->code.push_back({Op::kMatch});
  program->registers = compiler.registers();
  program->anchored = !program->code.empty() && program->code[0].op == Op::kBegin;
  if (program->anchored) {
    if (const auto units = FirstUnits(*program)) {
      program->first_units_known = true;
      program->first_units = *units;
    }
  }
}

MatchResult RunProgram(const Program& program, const std::u16string& subject, int64_t budget) {
  if (program.first_units_known && (subject.empty() || subject[0] >= 0x80 || !program.first_units[subject[0]])) {
    return MatchResult::kNoMatch;
  }
  thread_local Machine::Scratch scratch;  // RunProgram never re-enters itself
  const MatchResult result = Machine(program, subject, budget, &scratch).Run();
  // What a pathological run grew is given back, not held for the thread's life.
  constexpr size_t kKeptEntries = size_t{1} << 12;
  if (scratch.stack.capacity() > kKeptEntries || scratch.kept.capacity() > kKeptEntries) scratch = {};
  return result;
}

}  // namespace clawgate::js_regex
