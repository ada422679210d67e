// A fixed set of short names (executables, options, subcommands) asked about
// on every decision: which wrapper, shell or option a token is.
//
// Most tokens asked about are in no set (`git`, `ls`, `-la`), so a lookup
// first checks a filter of (length, first byte, last byte) hashes, which
// rejects most of them with one bit test and no string comparison; what
// passes is looked up in an open-addressing table of the names, usually one
// comparison. Iteration yields the names in order, as a std::set would.
#ifndef CLAWGATE_RUNTIME_ENGINE_NAME_SET_H_
#define CLAWGATE_RUNTIME_ENGINE_NAME_SET_H_

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace clawgate {

class NameSet {
 public:
  NameSet() = default;
  NameSet(std::initializer_list<std::string_view> names);
  /// This set with `more` names added.
  NameSet With(std::initializer_list<std::string_view> more) const;

  /// 1 when `name` is in the set, else 0 (as std::set::count).
  size_t count(std::string_view name) const {
    if (slots_.empty()) return 0;
    const size_t hash = Hash(name);
    if (!filter_[hash % kFilterBits]) return 0;
    const size_t mask = slots_.size() - 1;
    for (size_t slot = hash & mask; slots_[slot] >= 0; slot = (slot + 1) & mask) {
      if (names_[static_cast<size_t>(slots_[slot])] == name) return 1;
    }
    return 0;
  }
  bool contains(std::string_view name) const { return count(name) != 0; }
  size_t size() const { return names_.size(); }
  std::vector<std::string>::const_iterator begin() const { return names_.begin(); }
  std::vector<std::string>::const_iterator end() const { return names_.end(); }

 private:
  static constexpr size_t kFilterBits = 4096;
  explicit NameSet(std::vector<std::string> names);

  // The length and the first, middle and last bytes, packed and mixed by one
  // multiplication (its high bits, which depend on every packed bit).
  static size_t Hash(std::string_view name) {
    if (name.empty()) return 0;
    const auto byte = [&](size_t i) { return uint64_t{static_cast<unsigned char>(name[i])}; };
    const uint64_t key =
        (uint64_t{name.size()} & 0xFFFF) | byte(0) << 16 | byte(name.size() - 1) << 24 | byte(name.size() / 2) << 32;
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 40);
  }

  std::vector<std::string> names_;  // sorted, unique
  std::bitset<kFilterBits> filter_;
  std::vector<int> slots_;  // indexes into names_, -1 for free; a power of two long
};

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_ENGINE_NAME_SET_H_
