#include "runtime/engine/name_set.h"

#include <algorithm>
#include <utility>

namespace clawgate {

NameSet::NameSet(std::initializer_list<std::string_view> names)
    : NameSet(std::vector<std::string>(names.begin(), names.end())) {}

NameSet NameSet::With(std::initializer_list<std::string_view> more) const {
  std::vector<std::string> names = names_;
  names.insert(names.end(), more.begin(), more.end());
  return NameSet(std::move(names));
}

NameSet::NameSet(std::vector<std::string> names) : names_(std::move(names)) {
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

}  // namespace clawgate
