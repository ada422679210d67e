#include "compiler/diagnostics/codes.h"

#include <stdexcept>

namespace clawgate {

std::string_view ToString(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "note";
  }
  return "error";
}

const std::vector<CodeInfo>& CodeTable() {
  using C = DiagnosticCode;
  constexpr Severity kE = Severity::kError;
  constexpr Severity kW = Severity::kWarning;
  static const std::vector<CodeInfo> table = {
      {C::kUnreadableFile, "CG001", kE, "a source file cannot be read (exit 3)"},
      {C::kYamlSyntax, "CG002", kE, "invalid YAML"},
      {C::kUnknownKey, "CG003", kE, "unknown key (with a suggestion when one is close)"},
      {C::kDuplicate, "CG004", kE, "duplicate key, agent or list item"},
      {C::kWrongType, "CG005", kE, "a value of the wrong type"},
      {C::kMissingKey, "CG006", kE, "missing required key"},
      {C::kEmptyValue, "CG007", kE, "empty value or empty list"},
      {C::kInvalidValue, "CG008", kE, "a value outside its set: security, ask, target, test decision"},
      {C::kNameMismatch, "CG009", kE, "the declared name differs from the file name"},
      {C::kUnknownLayer, "CG010", kE, "unknown layer"},
      {C::kUnknownAgent, "CG011", kE, "unknown agent"},
      {C::kUnknownEnvironment, "CG012", kE, "unknown environment"},
      {C::kInvalidTimestamp, "CG013", kE, "invalid timestamp (RFC 3339, UTC with Z only)"},
      {C::kEmptyFile, "CG014", kE, "empty source file"},
      {C::kAgentLayerNotInEnv, "CG015", kE, "an agent takes a layer its environment does not take"},
      {C::kUnsupportedVersion, "CG016", kE, "unsupported `clawgate:` format version"},
      {C::kInvalidName, "CG017", kE, "invalid environment, layer, region, agent or break-glass name"},
      {C::kInvalidOwner, "CG018", kE, "an owner that is not a CODEOWNERS handle"},
      {C::kInvalidStateDir, "CG019", kE, "a state_dir that is not absolute or under ~/"},
      {C::kInvalidLabelPrefix, "CG020", kE, "an invalid launchd label prefix"},
      {C::kYmlExtension, "CG021", kE, "a policy file ending in .yml (not read)"},
      {C::kOutOfRange, "CG022", kE, "a number out of range (revision, limits)"},
      {C::kConflictingKeys, "CG023", kE, "keys that exclude each other (a test's command and argv)"},
      {C::kNotRegularSource, "CG024", kE, "a source file that is a symbolic link or not a regular file (not read)"},
      {C::kSourceEncoding, "CG025", kE,
       "a source file that is not UTF-8 without a byte order mark (UTF-16, invalid bytes)"},
      {C::kSourceControl, "CG026", kE, "a NUL or other control character in a source file"},
      {C::kBidiControl, "CG027", kE, "a bidirectional control character in a source file (Trojan Source)"},
      {C::kSourceTooLarge, "CG028", kE, "a source file larger than 1 MiB"},
      {C::kUnknownHostProfile, "CG029", kE, "an environment's host names no profile in hosts/"},
      {C::kInvalidHostProfile, "CG030", kE,
       "a host profile value that is not usable (platform, a path that is not absolute, an executable line)"},
      {C::kEmptyRule, "CG100", kE, "empty rule"},
      {C::kBraces, "CG101", kE, "unbalanced, nested or misplaced braces; empty alternative"},
      {C::kUnterminatedQuote, "CG102", kE, "unterminated quote in a rule"},
      {C::kRelativeGlob, "CG103", kE, "the executable glob is not an absolute path"},
      {C::kTrailingBackslash, "CG104", kE, "trailing backslash in a rule"},
      {C::kArgvOnLegacyTarget, "CG105", kE, "argv pattern on the clawdbot-2026.1 target"},
      {C::kControlCharacter, "CG106", kE, "control character in a rule"},
      {C::kUnexpectedCharacter, "CG107", kE, "unexpected character in a rule"},
      {C::kBreakGlassBackwards, "CG201", kE, "break-glass expires before it is created"},
      {C::kBreakGlassTooLong, "CG202", kE, "break-glass lasts longer than limits.break_glass_max_hours"},
      {C::kBreakGlassExpired, "CG203", kW, "break-glass expired at --at; its entries are left out"},
      {C::kBreakGlassFuture, "CG204", kE, "break-glass `created` is in the future (after --at)"},
      {C::kSharedStateDir, "CG210", kE, "two environments share one state_dir, or one lies inside another"},
      {C::kLimitAboveRunbook, "CG300", kE, "a limit in clawgate.yaml looser than the runbook's number"},
      {C::kEmptyWhy, "CG301", kW, "an entry whose `why` says nothing (a placeholder such as TODO or n/a)"},
      {C::kOwnerMismatch, "CG302", kE, "a layer's or grant's `owner` is not an owner CODEOWNERS gives its file"},
      {C::kNoCodeowner, "CG303", kW, "no CODEOWNERS, or no CODEOWNERS rule gives a layer's file an owner"},
      {C::kCodeownersLine, "CG304", kW, "a CODEOWNERS line GitHub skips (negation, ranges, an invalid owner)"},
      {C::kTooManyEntries, "CG305", kE, "more allowlist entries for one agent than limits.max_entries_per_agent"},
      {C::kFullOutsideEphemeral, "CG306", kE, "`security: full` in an environment that is not ephemeral"},
      {C::kFullExpiry, "CG307", kE,
       "`security: full` without an `expires` within limits.full_mode_max_hours, or past it"},
      {C::kAskAlwaysUnattended, "CG308", kE, "`ask: always` on an unattended environment"},
      {C::kFallbackUnattended, "CG309", kE, "an `askFallback` other than deny on an unattended environment"},
      {C::kOpenInterpreter, "CG310", kE, "a shell or interpreter allowed with open arguments"},
      {C::kMatchesEverything, "CG311", kE, "an executable glob that matches every executable"},
      {C::kWritableLocation, "CG312", kE, "an executable glob under a world- or user-writable location"},
      {C::kNeverMatches, "CG313", kW, "an entry that matches no executable on its environment's host profile"},
      {C::kShadowed, "CG314", kW, "an entry fully covered by a broader entry for the same agents"},
      {C::kExampleFails, "CG315", kE, "an entry's own example decided otherwise than it says"},
      {C::kBreakGlassTicket, "CG316", kE, "a break-glass grant whose id is not a ticket (e.g. INC-4821)"},
      {C::kUnusedLayer, "CG317", kW, "a layer that no agent of any environment takes"},
      {C::kAgentWithoutLayers, "CG318", kW, "an allowlist agent that takes no layer (it can run nothing)"},
      {C::kFreezeBootstrap, "CG319", kE, "a freeze that includes the bootstrap layer (it must stay editable)"},
      {C::kFreezeOver, "CG320", kW, "a freeze whose `until` has passed"},
      {C::kRevisionNotBumped, "CG330", kE,
       "what an environment compiles to changed, but its revision did not go up by exactly one"},
      {C::kRevisionWithoutChange, "CG331", kE, "an environment's revision changed, but what it compiles to did not"},
      {C::kFrozenLayerChanged, "CG332", kE, "a frozen layer, or what it compiles to, changed during a freeze"},
  };
  return table;
}

const CodeInfo& InfoOf(DiagnosticCode code) {
  for (const CodeInfo& info : CodeTable()) {
    if (info.code == code) return info;
  }
  throw std::logic_error("diagnostic code missing from the code table");
}

std::string_view CodeName(DiagnosticCode code) { return InfoOf(code).name; }

std::optional<DiagnosticCode> ParseCodeName(std::string_view name) {
  for (const CodeInfo& info : CodeTable()) {
    if (info.name == name) return info.code;
  }
  return std::nullopt;
}

}  // namespace clawgate
