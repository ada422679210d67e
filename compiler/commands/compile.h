// `clawgate compile SRC --out DIR [--env E] [--at T] [--sign-key K]`: policy
// sources to per-environment artifacts; nothing written on any error.
#ifndef CLAWGATE_COMPILER_COMMANDS_COMPILE_H_
#define CLAWGATE_COMPILER_COMMANDS_COMPILE_H_

#include <cstdint>
#include <optional>
#include <string>

#include "compiler/lint/codeowners.h"
#include "compiler/sources/source_reader.h"
#include "runtime/base/cli.h"
#include "runtime/base/command_result.h"

namespace clawgate {

inline constexpr char kProgram[] = "clawgate";

struct CompileOptions {
  std::string source_root;         // SRC as the user wrote it.
  std::string out_dir;             // DIR
  std::optional<std::string> env;  // only this environment
  int64_t at = 0;                  // seconds since the epoch
  OutputFormat format = OutputFormat::kText;
  bool read_git = true;                      // record the source commit
  std::optional<std::string> sign_key_pem;   // --sign-key: an Ed25519 private key (PEM)
  std::optional<CodeownersFile> codeowners;  // checked by the error-level lint rules
};

/// Compiles the policy tree `reader` gives (rooted at options.source_root)
/// and writes the outputs. Nothing is written when any error is reported.
CommandResult RunCompile(const CompileOptions& options, const SourceReader& reader);

/// Adds `compile` to the clawgate command line.
void AddCompileCommand(cli::Program& program);

}  // namespace clawgate

#endif  // CLAWGATE_COMPILER_COMMANDS_COMPILE_H_
