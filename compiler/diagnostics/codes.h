// The one table of diagnostic codes: every kind of error or warning clawgate
// reports has its own stable code, default severity and one-line summary.
// docs/diagnostics.md is checked against this table (codes_test), and SARIF
// rule metadata comes from it.
#ifndef CLAWGATE_COMPILER_DIAGNOSTICS_CODES_H_
#define CLAWGATE_COMPILER_DIAGNOSTICS_CODES_H_

#include <optional>
#include <string_view>
#include <vector>

namespace clawgate {

enum class Severity { kError, kWarning, kNote };
std::string_view ToString(Severity severity);

enum class DiagnosticCode {
  // Sources and YAML (CG0xx).
  kUnreadableFile,      // CG001
  kYamlSyntax,          // CG002
  kUnknownKey,          // CG003
  kDuplicate,           // CG004
  kWrongType,           // CG005
  kMissingKey,          // CG006
  kEmptyValue,          // CG007
  kInvalidValue,        // CG008
  kNameMismatch,        // CG009
  kUnknownLayer,        // CG010
  kUnknownAgent,        // CG011
  kUnknownEnvironment,  // CG012
  kInvalidTimestamp,    // CG013
  kEmptyFile,           // CG014
  kAgentLayerNotInEnv,  // CG015
  kUnsupportedVersion,  // CG016
  kInvalidName,         // CG017
  kInvalidOwner,        // CG018
  kInvalidStateDir,     // CG019
  kInvalidLabelPrefix,  // CG020
  kYmlExtension,        // CG021
  kOutOfRange,          // CG022
  kConflictingKeys,     // CG023
  kNotRegularSource,    // CG024
  kSourceEncoding,      // CG025
  kSourceControl,       // CG026
  kBidiControl,         // CG027
  kSourceTooLarge,      // CG028
  kUnknownHostProfile,  // CG029
  kInvalidHostProfile,  // CG030
  // The rule language (CG1xx).
  kEmptyRule,            // CG100
  kBraces,               // CG101
  kUnterminatedQuote,    // CG102
  kRelativeGlob,         // CG103
  kTrailingBackslash,    // CG104
  kArgvOnLegacyTarget,   // CG105
  kControlCharacter,     // CG106
  kUnexpectedCharacter,  // CG107
  // Break-glass and environments (CG2xx).
  kBreakGlassBackwards,  // CG201
  kBreakGlassTooLong,    // CG202
  kBreakGlassExpired,    // CG203
  kBreakGlassFuture,     // CG204
  kSharedStateDir,       // CG210
  // Lint: the runbook and review rules (CG3xx); docs/lint.md has each rationale.
  kLimitAboveRunbook,     // CG300
  kEmptyWhy,              // CG301
  kOwnerMismatch,         // CG302
  kNoCodeowner,           // CG303
  kCodeownersLine,        // CG304
  kTooManyEntries,        // CG305
  kFullOutsideEphemeral,  // CG306
  kFullExpiry,            // CG307
  kAskAlwaysUnattended,   // CG308
  kFallbackUnattended,    // CG309
  kOpenInterpreter,       // CG310
  kMatchesEverything,     // CG311
  kWritableLocation,      // CG312
  kNeverMatches,          // CG313
  kShadowed,              // CG314
  kExampleFails,          // CG315
  kBreakGlassTicket,      // CG316
  kUnusedLayer,           // CG317
  kAgentWithoutLayers,    // CG318
  kFreezeBootstrap,       // CG319
  kFreezeOver,            // CG320
  // Review: rules a change between two revisions must follow (CG33x).
  kRevisionNotBumped,      // CG330
  kRevisionWithoutChange,  // CG331
  kFrozenLayerChanged,     // CG332
};

/// One row of the code table.
struct CodeInfo {
  DiagnosticCode code;
  std::string_view name;  // DiagnosticCode::kBraces
  Severity severity;      // the severity it is reported with
  std::string_view summary;
};

/// Every code, in code order.
const std::vector<CodeInfo>& CodeTable();
const CodeInfo& InfoOf(DiagnosticCode code);
std::string_view CodeName(DiagnosticCode code);
std::optional<DiagnosticCode> ParseCodeName(std::string_view name);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_DIAGNOSTICS_CODES_H_
