// JavaScript regular expressions (`new RegExp(source, flags).test(subject)`)
// as the targets run them on argPattern and clawdbot's globs, compiled once.
#ifndef CLAWGATE_RUNTIME_ENGINE_JS_REGEX_H_
#define CLAWGATE_RUNTIME_ENGINE_JS_REGEX_H_

#include <memory>
#include <regex>
#include <stdexcept>
#include <string>
#include <string_view>

namespace clawgate {

/// A pattern the target itself would throw on.
class InvalidPatternError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class JsRegex {
 public:
  struct Flags {
    bool ignore_case = false;
  };
  enum class Status {
    kOk,
    kSyntaxError,  // JavaScript throws a SyntaxError for this source
    kUnsupported,  // the source cannot be represented (then it never matches)
  };

  explicit JsRegex(std::string_view source) : JsRegex(source, Flags{}) {}
  JsRegex(std::string_view source, Flags flags);
  ~JsRegex();
  JsRegex(const JsRegex&) = delete;
  JsRegex& operator=(const JsRegex&) = delete;

  Status status() const { return status_; }
  bool valid() const { return status_ == Status::kOk; }

  /// RegExp.prototype.test on `subject` (UTF-8); false when the regex is not
  /// valid.
  bool Test(std::string_view subject) const;

 private:
  Status status_ = Status::kUnsupported;
  std::unique_ptr<std::wregex> regex_;
};

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_ENGINE_JS_REGEX_H_
