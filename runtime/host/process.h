// Running a helper program (the `openclaw` CLI) with extra environment
// variables, its stdout and stderr captured through files in a scratch folder
// so neither pipe can fill up.
#ifndef CLAWGATE_RUNTIME_HOST_PROCESS_H_
#define CLAWGATE_RUNTIME_HOST_PROCESS_H_

#include <map>
#include <string>
#include <vector>

namespace clawgate {

struct ProcessResult {
  int exit_code = -1;  // 127: could not run; 128+: killed
  std::string out;
  std::string err;
};

/// Runs argv (argv[0] looked up on PATH) and waits for it.
ProcessResult RunProcess(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                         const std::string& scratch_dir);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_HOST_PROCESS_H_
