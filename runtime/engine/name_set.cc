#include "runtime/engine/name_set.h"

#include <algorithm>

namespace clawgate {

NameSet::NameSet(std::initializer_list<std::string_view> names) {
  names_.assign(names.begin(), names.end());
  std::sort(names_.begin(), names_.end());
  names_.erase(std::unique(names_.begin(), names_.end()), names_.end());
  size_t slots = 8;
  while (slots < 4 * names_.size()) slots *= 2;
  slots_.assign(slots, -1);
  for (size_t i = 0; i < names_.size(); ++i) {
    const size_t hash = Hash(names_[i]);
    filter_.set(hash % kFilterBits);
    size_t slot = hash & (slots - 1);
    while (slots_[slot] >= 0) slot = (slot + 1) & (slots - 1);
    slots_[slot] = static_cast<int>(i);
  }
}

size_t NameSet::Hash(std::string_view name) {
  if (name.empty()) return 0;
  const auto byte = [&](size_t i) { return static_cast<size_t>(static_cast<unsigned char>(name[i])); };
  return (name.size() * 0x9E3779B1u) ^ (byte(0) * 0x85EBCA77u) ^ (byte(name.size() - 1) * 0xC2B2AE3Du) ^
         (byte(name.size() / 2) * 0x27D4EB2Fu);
}

size_t NameSet::count(std::string_view name) const {
  if (slots_.empty()) return 0;
  const size_t hash = Hash(name);
  if (!filter_[hash % kFilterBits]) return 0;
  const size_t mask = slots_.size() - 1;
  for (size_t slot = hash & mask; slots_[slot] >= 0; slot = (slot + 1) & mask) {
    if (names_[static_cast<size_t>(slots_[slot])] == name) return 1;
  }
  return 0;
}

}  // namespace clawgate
