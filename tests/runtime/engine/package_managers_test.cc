#include "runtime/engine/package_managers.h"

#include <gtest/gtest.h>

namespace clawgate {
namespace {

using Kind = PackageManagerTarget::Kind;

TEST(PackageManagers, UnwrapsWhat2026_9Binds) {
  const struct {
    Argv argv;
    Kind kind;
    Argv target;
  } cases[] = {
      {{"npx", "ls", "-la"}, Kind::kUnwrapped, {"ls", "-la"}},
      {{"npx", "--yes", "ls"}, Kind::kUnwrapped, {"ls"}},
      {{"npm", "exec", "--", "ls", "x"}, Kind::kUnwrapped, {"ls", "x"}},
      {{"npm", "x", "ls"}, Kind::kUnwrapped, {"ls"}},
      {{"/opt/tools/npx.cjs", "ls"}, Kind::kUnwrapped, {"ls"}},  // a .js/.cjs/.mjs suffix is dropped
      {{"pnpm", "exec", "ls"}, Kind::kUnwrapped, {"ls"}},
      {{"pnpm", "dlx", "ls"}, Kind::kUnwrapped, {"ls"}},
      {{"pnpm", "node", "x.js"}, Kind::kUnwrapped, {"node", "x.js"}},
      {{"yarn", "dlx", "ls"}, Kind::kUnwrapped, {"ls"}},
      {{"npx", "nice", "npx", "ls"}, Kind::kUnwrapped, {"ls"}},  // nested, through a dispatch wrapper
      {{"npm", "run", "build"}, Kind::kNotPackageManager, {}},
      {{"yarn", "install"}, Kind::kNotPackageManager, {}},
      {{"ls"}, Kind::kNotPackageManager, {}},
      {{"npx", "--package=x", "ls"}, Kind::kBlocked, {}},  // a context option
      {{"npx", "--bogus", "ls"}, Kind::kBlocked, {}},      // an option it does not know
      {{"pnpm", "foo"}, Kind::kBlocked, {}},               // an implicit exec shorthand
      {{"yarn", "build"}, Kind::kBlocked, {}},             // yarn runs scripts and bins by name
      {{"npm", "exec"}, Kind::kBlocked, {}},
      {{"npx", "sudo", "ls"}, Kind::kBlocked, {}},  // a blocked dispatch wrapper
  };
  for (const auto& c : cases) {
    const PackageManagerTarget target = ResolvePackageManagerTarget(c.argv);
    EXPECT_EQ(target.kind, c.kind) << c.argv[0] << " " << (c.argv.size() > 1 ? c.argv[1] : "");
    if (c.kind == Kind::kUnwrapped) EXPECT_EQ(target.argv, c.target) << c.argv[0];
    if (c.kind != Kind::kUnwrapped) EXPECT_TRUE(target.argv.empty()) << c.argv[0];
  }
}

}  // namespace
}  // namespace clawgate
