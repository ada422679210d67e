// clawgate-host: the runtime on every agent host. It links the shared
// document library only (no YAML, Spirit or libgit2).
#include <CLI/CLI.hpp>

namespace {

constexpr const char* kVersion = "clawgate-host 0.1.0";

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"clawgate-host: applies, verifies and repairs exec-approvals artifacts on an agent host"};
  app.set_version_flag("--version", kVersion);
  app.footer("Host commands (apply, verify, revert, check, status, metrics, doctor) arrive with the host runtime.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  std::cout << app.help();
  return 0;
}
