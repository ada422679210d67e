// Diagnostics for CI systems: GitHub Actions workflow commands and SARIF
// 2.1.0 (code scanning), with rule metadata from the code table.
#ifndef CLAWGATE_COMPILER_DIAGNOSTICS_CI_FORMATS_H_
#define CLAWGATE_COMPILER_DIAGNOSTICS_CI_FORMATS_H_

#include <string>
#include <vector>

#include "compiler/diagnostics/diagnostic.h"

namespace clawgate {

/// One GitHub Actions workflow command per diagnostic:
///   ::error file=F,line=L,col=C,title=CG101::message
/// (`%`, CR, LF escaped in the message; also `:` and `,` in properties;
/// notes follow the message on their own lines).
std::string RenderGithub(const std::vector<Diagnostic>& diagnostics);

/// A SARIF 2.1.0 log of one run: the tool with every code of the table as a
/// rule (id, name, short description, default level, help text), one result
/// per diagnostic with its physical location (columns in UTF-16 code units,
/// computed from `texts`; a whole-file finding at line 1). Artifact URIs are the diagnostics' file names,
/// relative to the folder clawgate ran in (uriBaseId SRCROOT).
std::string RenderSarif(const std::vector<Diagnostic>& diagnostics, const SourceTexts& texts);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_DIAGNOSTICS_CI_FORMATS_H_
