// Atomic output: every file is built aside, then each out/<env> folder is
// exchanged into place.
//
// Input: the output root and, per environment, its files. The files are
// written and fsynced into a staging folder inside the output root (same file
// system), then each environment's folder replaces the old one by an atomic
// exchange (a crash leaves every out/<env> complete, old or new). On any
// failure the environments already exchanged are exchanged back, the staging
// folder is removed and nothing under the output root changes; the output
// root itself is only created when there is something to write.
#ifndef CLAWGATE_COMPILER_EMIT_OUTPUT_WRITER_H_
#define CLAWGATE_COMPILER_EMIT_OUTPUT_WRITER_H_

#include <string>
#include <vector>

#include "compiler/emit/emit.h"

namespace clawgate {

/// Writes out_root/<env>/<file> for every environment. Returns false with
/// `error` set on any I/O failure (then nothing was changed).
bool WriteOutputs(const std::string& out_root, const std::vector<EmittedEnvironment>& environments, std::string* error);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_EMIT_OUTPUT_WRITER_H_
