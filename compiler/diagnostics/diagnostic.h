// Diagnostics: one value type for every error, warning and note clawgate
// reports, a sink that collects them, and the renderers the CLI uses.
//
// The library never prints. Stages report into a DiagnosticSink; the CLI
// sorts, caps and renders them as
//   file:line:col: error: message [CG101]
//     <source line>
//     <caret>
// or as JSON. Lines and columns are 1-based; column counts bytes. Codes and
// their summaries come from the one table in codes.h.
#ifndef CLAWGATE_COMPILER_DIAGNOSTICS_DIAGNOSTIC_H_
#define CLAWGATE_COMPILER_DIAGNOSTICS_DIAGNOSTIC_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diagnostics/codes.h"

namespace clawgate {

/// A place in a source file: 1-based line and column (0 means "whole file").
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  bool operator==(const SourceLocation& other) const {
    return file == other.file && line == other.line && column == other.column;
  }
};

struct Diagnostic {
  Severity severity = Severity::kError;
  DiagnosticCode code = DiagnosticCode::kInvalidValue;
  std::string message;
  SourceLocation location;
  std::vector<std::string> notes;  // e.g. "did you mean 'askFallback'?"
};

/// Collects diagnostics; stages never print.
class DiagnosticSink {
 public:
  void Report(Diagnostic diagnostic);
  void Error(DiagnosticCode code, SourceLocation location, std::string message, std::vector<std::string> notes = {});
  void Warning(DiagnosticCode code, SourceLocation location, std::string message, std::vector<std::string> notes = {});

  bool HasErrors() const { return error_count_ > 0; }
  int ErrorCount() const { return error_count_; }
  /// Whether any diagnostic has `code`.
  bool Has(DiagnosticCode code) const;
  /// All diagnostics sorted by file, line, column (stable for ties).
  std::vector<Diagnostic> Sorted() const;

 private:
  std::vector<Diagnostic> diagnostics_;
  int error_count_ = 0;
};

/// Texts of the files diagnostics point into, for quoting source lines.
using SourceTexts = std::map<std::string, std::string>;

/// Renders diagnostics for a terminal, with the source line and a caret when
/// the text is known. At most `max_errors` errors are shown, then a count of
/// the rest.
std::string RenderText(const std::vector<Diagnostic>& diagnostics, const SourceTexts& texts, int max_errors = 50);

/// Renders diagnostics as one JSON array (fields: severity, code, message,
/// file, line, column, notes).
std::string RenderJson(const std::vector<Diagnostic>& diagnostics);

/// The 1-based column of `location` counted in UTF-16 code units (as SARIF
/// and editors count), when the text of its file is known; else its byte
/// column.
int Utf16Column(const SourceTexts& texts, const SourceLocation& location);

/// "1 error and 2 warnings generated.\n", or "" when there are none.
std::string RenderSummary(const std::vector<Diagnostic>& diagnostics);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_DIAGNOSTICS_DIAGNOSTIC_H_
