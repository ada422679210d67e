#include "runtime/engine/openclaw_2026_9_allowlist.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "runtime/base/text.h"

namespace clawgate {
namespace {

constexpr std::string_view kLegacyHashedArgPattern = "sha256:argv:";
constexpr std::string_view kCwdBoundArgPattern = "sha256:cwd-argv:v1:";

bool HasPathSelector(std::string_view s) { return s.find_first_of("/\\~") != std::string_view::npos; }

// A path pattern that matches one path only, spelled in ASCII.
bool IsAsciiLiteralPath(std::string_view s) {
  if (s.empty() || s[0] == '~' || s.find_first_of("*?") != std::string_view::npos) return false;
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

OpenClawAllowlist::OpenClawAllowlist(const std::vector<AllowlistEntry>& entries, Platform platform)
    : platform_(platform) {
  entries_.reserve(entries.size());
  for (const AllowlistEntry& e : entries) {
    Compiled c;
    c.entry = std::make_shared<const AllowlistEntry>(e);
    c.trimmed = Trim(e.pattern);
    c.allow_always = e.source.value_or("") == "allow-always";
    c.has_arg_pattern = e.arg_pattern && !e.arg_pattern->empty();
    c.bare_star = c.trimmed == "*" && !c.has_arg_pattern && !c.allow_always;
    c.path_selector = HasPathSelector(c.trimmed);
    if (!c.trimmed.empty()) c.glob = std::make_unique<AllowlistGlob>(c.trimmed, platform);
    if (c.has_arg_pattern) {
      const std::string& source = *e.arg_pattern;
      c.legacy_hashed = StartsWith(source, kLegacyHashedArgPattern);
      c.cwd_bound = StartsWith(source, kCwdBoundArgPattern);
      c.nul_joined = source.find('\0') != std::string::npos;
      if (!c.legacy_hashed && !c.cwd_bound) c.arg_regex = std::make_unique<JsRegex>(source);
    }
    const int index = static_cast<int>(entries_.size());
    if (c.bare_star && bare_star_ < 0) bare_star_ = index;
    if (c.path_selector && IsAsciiLiteralPath(c.trimmed)) {
      literal_[NormalizeMatchTarget(c.trimmed, platform)].push_back(index);
    } else if (!c.trimmed.empty()) {
      scanned_.push_back(index);
    }
    entries_.push_back(std::move(c));
  }
}

OpenClawAllowlist::~OpenClawAllowlist() = default;

size_t OpenClawAllowlist::PathHash::operator()(const std::string& path) const {
  const size_t n = path.size();
  uint64_t head = 0;
  uint64_t tail = 0;
  std::memcpy(&head, path.data(), std::min<size_t>(n, 8));
  if (n > 8) std::memcpy(&tail, path.data() + n - 8, 8);
  uint64_t key = (head * 0x9E3779B97F4A7C15ull) ^ tail ^ n;
  key *= 0xBF58476D1CE4E5B9ull;
  return static_cast<size_t>(key ^ (key >> 31));
}

MatchResult OpenClawAllowlist::ArgumentsMatch(const Compiled& entry, const Argv& argv) const {
  if (!entry.arg_regex) return MatchResult::kNoMatch;
  thread_local std::string subject;  // reused: joining allocates nothing once warm
  subject.clear();
  if (entry.nul_joined) {
    if (argv.size() <= 1) {
      subject.assign(2, '\0');
    } else {
      for (size_t i = 1; i < argv.size(); ++i) {
        subject += argv[i];
        subject += '\0';
      }
    }
  } else {
    for (size_t i = 1; i < argv.size(); ++i) {
      if (i > 1) subject += ' ';
      subject += argv[i];
    }
  }
  return entry.arg_regex->Test(subject);
}

bool OpenClawAllowlist::BasenameMatches(const Compiled& entry, const Resolution& r, const std::string& home) const {
  if (HasPathSelector(r.raw)) return false;
  if (!r.name.empty() && entry.glob->Matches(r.name, home)) return true;
  return r.path && entry.glob->Matches(Basename(*r.path), home);
}

OpenClawAllowlist::Found OpenClawAllowlist::Match(const Resolution& r, const Argv& argv, const std::string& home,
                                                  bool without_arg_pattern) const {
  if (bare_star_ >= 0) return {bare_star_, {}};
  if (r.candidate.empty()) return {};
  int path_only = -1;
  std::string unknown;
  static const std::vector<int> kNone;
  // Most paths are their own match target: looked up without a copy.
  const bool as_is = r.trust.find('\\') == std::string::npos &&
                     !(platform_ == Platform::kDarwin && StartsWith(r.trust, "/private/var"));
  const auto hit = as_is ? literal_.find(r.trust) : literal_.find(NormalizeMatchTarget(r.trust, platform_));
  const std::vector<int>& literal = hit == literal_.end() ? kNone : hit->second;
  size_t a = 0;
  size_t b = 0;
  while (a < literal.size() || b < scanned_.size()) {
    // The next entry in document order: a literal one (its glob is its key,
    // already equal) or a scanned one (its glob decides).
    const bool from_literal = b == scanned_.size() || (a < literal.size() && literal[a] < scanned_[b]);
    const size_t i = static_cast<size_t>(from_literal ? literal[a++] : scanned_[b++]);
    const Compiled& e = entries_[i];
    if (without_arg_pattern && e.entry->arg_pattern) continue;
    const bool matched = from_literal || (e.path_selector ? e.glob->Matches(r.trust, home)
                                                          : e.trimmed != "*" && BasenameMatches(e, r, home));
    if (!matched) continue;
    if (!e.has_arg_pattern) {
      if (!e.allow_always && path_only < 0) path_only = static_cast<int>(i);
      continue;
    }
    // Host "always allow" grants bound to a cwd hash: clawgate does not
    // recompute that hash, so they never match here.
    if (e.cwd_bound || e.allow_always) continue;
    const MatchResult result = ArgumentsMatch(e, argv);
    if (result == MatchResult::kMatch) return {static_cast<int>(i), {}};
    if (result == MatchResult::kUnknown && unknown.empty()) {
      unknown = "cannot decide the argPattern of " + e.entry->pattern +
                (e.arg_regex->status() == JsRegex::Status::kUnsupported ? " (" + e.arg_regex->error() + ")"
                                                                        : " within the matching budget");
    }
  }
  if (path_only >= 0) return {path_only, {}};
  return {-1, unknown};
}

}  // namespace clawgate
