// Small file helpers shared by the tests.
#ifndef CLAWGATE_TESTS_SUPPORT_FILES_H_
#define CLAWGATE_TESTS_SUPPORT_FILES_H_

#include <filesystem>
#include <map>
#include <string>

namespace clawgate::testing_support {

std::string ReadFile(const std::filesystem::path& path);
void WriteFile(const std::filesystem::path& path, const std::string& content);
/// Every regular file under `root`, by '/'-separated relative path.
std::map<std::string, std::string> ReadTree(const std::filesystem::path& root);
/// A fresh, empty directory under the system temp dir, removed by the caller.
std::filesystem::path MakeTempDir(const std::string& prefix);

}  // namespace clawgate::testing_support

#endif  // CLAWGATE_TESTS_SUPPORT_FILES_H_
