// Diagnostics: one value type for every error, warning and note clawgate
// reports, a sink that collects them, and the renderers the CLI uses.
//
// The library never prints. Stages report into a DiagnosticSink; the CLI
// sorts, caps and renders them as
//   file:line:col: error: message [CG101]
//     <source line>
//     <caret>
// or as JSON. Lines and columns are 1-based; column counts bytes.
#ifndef CLAWGATE_COMPILER_DIAGNOSTICS_H_
#define CLAWGATE_COMPILER_DIAGNOSTICS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace clawgate {

enum class Severity { kError, kWarning, kNote };

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
  std::string code;  // Stable, e.g. "CG101".
  std::string message;
  SourceLocation location;
  std::vector<std::string> notes;  // e.g. "did you mean 'askFallback'?"
};

/// Collects diagnostics; stages never print.
class DiagnosticSink {
 public:
  void Report(Diagnostic diagnostic);
  void Error(std::string code, SourceLocation location, std::string message,
             std::vector<std::string> notes = {});
  void Warning(std::string code, SourceLocation location, std::string message,
               std::vector<std::string> notes = {});

  bool HasErrors() const { return error_count_ > 0; }
  int ErrorCount() const { return error_count_; }
  /// All diagnostics sorted by file, line, column (stable for ties).
  std::vector<Diagnostic> Sorted() const;

 private:
  std::vector<Diagnostic> diagnostics_;
  int error_count_ = 0;
};

std::string_view ToString(Severity severity);

/// Texts of the files diagnostics point into, for quoting source lines.
using SourceTexts = std::map<std::string, std::string>;

/// Renders diagnostics for a terminal, with the source line and a caret when
/// the text is known. At most `max_errors` errors are shown, then a count of
/// the rest.
std::string RenderText(const std::vector<Diagnostic>& diagnostics, const SourceTexts& texts,
                       int max_errors = 50);

/// Renders diagnostics as one JSON array (fields: severity, code, message,
/// file, line, column, notes).
std::string RenderJson(const std::vector<Diagnostic>& diagnostics);

/// The closest candidate to `word` within a small edit distance, or "".
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_DIAGNOSTICS_H_
