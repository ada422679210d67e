#include "runtime/engine/glob.h"

#include "runtime/base/file_system.h"
#include "runtime/base/text.h"
#include "runtime/base/utf8.h"

namespace clawgate {
namespace {

bool IsLineTerminator(char16_t c) { return c == u'\n' || c == u'\r' || c == 0x2028 || c == 0x2029; }

// `\\` (two backslashes) read as `/`, as both targets do.
std::string FoldDoubleBackslash(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size() && value[i + 1] == '\\') {
      out += '/';
      ++i;
    } else {
      out += value[i];
    }
  }
  return out;
}

}  // namespace

PathGlob::PathGlob(std::string_view pattern) {
  const std::u16string units = ToUtf16(pattern);
  for (size_t i = 0; i < units.size(); ++i) {
    if (units[i] == u'*') {
      if (i + 1 < units.size() && units[i + 1] == u'*') {
        tokens_.push_back({Kind::kDoubleStar, 0});
        ++i;
      } else {
        tokens_.push_back({Kind::kStar, 0});
      }
    } else if (units[i] == u'?') {
      tokens_.push_back({Kind::kOne, 0});
    } else {
      tokens_.push_back({Kind::kLiteral, units[i]});
    }
  }
  for (const Token& token : tokens_) {
    if (token.kind != Kind::kLiteral || token.unit >= 0x80) break;
    ascii_prefix_ += static_cast<char>(token.unit);
  }
  all_ascii_literal_ = ascii_prefix_.size() == tokens_.size();
}

bool PathGlob::Matches(std::string_view target) const {
  if (all_ascii_literal_) return target == ascii_prefix_;
  if (target.compare(0, ascii_prefix_.size(), ascii_prefix_) != 0) return false;
  const std::u16string s = ToUtf16(target);
  // reach[j]: the tokens so far match exactly s[0..j).
  std::vector<char> reach(s.size() + 1, 0);
  std::vector<char> next(s.size() + 1, 0);
  reach[0] = 1;
  for (const Token& token : tokens_) {
    std::fill(next.begin(), next.end(), 0);
    switch (token.kind) {
      case Kind::kLiteral:
        for (size_t j = 0; j < s.size(); ++j) next[j + 1] = reach[j] && s[j] == token.unit;
        break;
      case Kind::kOne:
        for (size_t j = 0; j < s.size(); ++j) next[j + 1] = reach[j] && s[j] != u'/';
        break;
      case Kind::kStar:
      case Kind::kDoubleStar:
        for (size_t j = 0; j <= s.size(); ++j) {
          const bool extend =
              j > 0 && next[j - 1] && (token.kind == Kind::kStar ? s[j - 1] != u'/' : !IsLineTerminator(s[j - 1]));
          next[j] = reach[j] || extend;
        }
        break;
    }
    reach.swap(next);
  }
  return reach[s.size()] != 0;
}

std::string NormalizeMatchTarget(std::string_view value, Platform platform) {
  std::string out = FoldDoubleBackslash(value);
  if (platform == Platform::kDarwin) {
    if (out == "/private/var") return "/var";
    if (StartsWith(out, "/private/var/")) return out.substr(8);
  }
  return out;
}

bool HasDotSegment(std::string_view value) {
  size_t i = 0;
  while (i <= value.size()) {
    const size_t j = std::min(value.find_first_of("/\\", i), value.size());
    const std::string_view part = value.substr(i, j - i);
    if (part == "." || part == "..") return true;
    i = j + 1;
  }
  return false;
}

AllowlistGlob::AllowlistGlob(std::string trimmed_pattern, Platform platform)
    : pattern_(std::move(trimmed_pattern)), platform_(platform), home_relative_(StartsWith(pattern_, "~")) {
  if (!home_relative_) {
    fixed_wildcard_ = pattern_.find_first_of("*?") != std::string::npos;
    fixed_ = std::make_unique<PathGlob>(NormalizeMatchTarget(pattern_, platform_));
  }
}

const PathGlob& AllowlistGlob::GlobFor(const std::string& home) const {
  if (!home_relative_) return *fixed_;
  if (!cached_glob_ || cached_home_ != home) {
    const std::string expanded = ExpandHome(pattern_, home);
    cached_wildcard_ = expanded.find_first_of("*?") != std::string::npos;
    cached_glob_ = std::make_unique<PathGlob>(NormalizeMatchTarget(expanded, platform_));
    cached_home_ = home;
  }
  return *cached_glob_;
}

bool AllowlistGlob::Matches(std::string_view target, const std::string& home) const {
  const PathGlob& glob = GlobFor(home);
  const bool wildcard = home_relative_ ? cached_wildcard_ : fixed_wildcard_;
  // Most targets are left as they are by normalization: match them without a copy.
  if (target.find('\\') == std::string_view::npos &&
      !(platform_ == Platform::kDarwin && StartsWith(target, "/private/var")) && !(wildcard && HasDotSegment(target))) {
    return glob.Matches(target);
  }
  std::string subject = NormalizeMatchTarget(target, platform_);
  if (wildcard && HasDotSegment(subject)) subject = NormalizeMatchTarget(NormalizePath(subject), platform_);
  return glob.Matches(subject);
}

ClawdbotGlob::ClawdbotGlob(std::string trimmed_pattern) : pattern_(std::move(trimmed_pattern)) {}

ClawdbotGlob::~ClawdbotGlob() = default;

MatchResult ClawdbotGlob::Matches(std::string_view target, const std::string& home) const {
  if (!regex_ || cached_home_ != home) {
    const std::string normalized = Lower(FoldDoubleBackslash(ExpandHome(pattern_, home)));
    std::string regex = "^";
    for (size_t i = 0; i < normalized.size(); ++i) {
      const char c = normalized[i];
      if (c == '*') {
        if (i + 1 < normalized.size() && normalized[i + 1] == '*') {
          regex += ".*";
          ++i;
        } else {
          regex += "[^/]*";
        }
      } else if (c == '?') {
        regex += '.';
      } else {
        regex += c;  // clawdbot's escape regex never fires: characters go in raw
      }
    }
    regex += '$';
    regex_ = std::make_unique<JsRegex>(regex, JsRegex::Flags{true});
    cached_home_ = home;
  }
  if (regex_->status() == JsRegex::Status::kSyntaxError) {
    throw InvalidPatternError("invalid allowlist pattern " + pattern_);
  }
  return regex_->Test(Lower(FoldDoubleBackslash(target)));
}

}  // namespace clawgate
