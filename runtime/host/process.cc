#include "runtime/host/process.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "runtime/base/file_io.h"

namespace clawgate {

ProcessResult RunProcess(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                         const std::string& scratch_dir) {
  ProcessResult result;
  const std::string stem = scratch_dir + "/.process-" + RandomSuffix();
  const std::string out_path = stem + ".out";
  const std::string err_path = stem + ".err";
  const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (out < 0 || err < 0) {
    result.err = "cannot create capture files in " + scratch_dir + ": " + std::strerror(errno);
    if (out >= 0) ::close(out);
    if (err >= 0) ::close(err);
    ::unlink(out_path.c_str());
    ::unlink(err_path.c_str());
    return result;
  }
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(out, 1);
    ::dup2(err, 2);
    for (const auto& [key, value] : env) ::setenv(key.c_str(), value.c_str(), 1);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  ::close(out);
  ::close(err);
  if (pid < 0) {
    result.err = std::string("cannot fork: ") + std::strerror(errno);
  } else {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    std::string error;
    result.out = ReadFileLimited(out_path, &error, ReadOptions{size_t{64} << 20, true}).value_or("");
    result.err = ReadFileLimited(err_path, &error, ReadOptions{size_t{1} << 20, true}).value_or("");
  }
  ::unlink(out_path.c_str());
  ::unlink(err_path.c_str());
  if (result.exit_code == 127 && result.err.empty()) result.err = "cannot run " + argv[0];
  return result;
}

}  // namespace clawgate
