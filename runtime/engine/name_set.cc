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

}  // namespace clawgate
