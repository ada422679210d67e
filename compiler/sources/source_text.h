// What a source file's bytes must be before anything parses them: UTF-8
// without a byte order mark, no NUL or other control character but tab,
// newline and carriage return, no bidirectional control character (the
// "Trojan Source" reordering that shows reviewers other text than what the
// compiler reads). Files that fail are reported and never echoed.
#ifndef CLAWGATE_COMPILER_SOURCES_SOURCE_TEXT_H_
#define CLAWGATE_COMPILER_SOURCES_SOURCE_TEXT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "compiler/diagnostics/codes.h"

namespace clawgate {

/// The first reason a source text is refused.
struct SourceTextProblem {
  DiagnosticCode code;
  size_t offset;  // byte offset of the offending character
  std::string message;
};

std::optional<SourceTextProblem> FindSourceTextProblem(std::string_view text);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_SOURCES_SOURCE_TEXT_H_
