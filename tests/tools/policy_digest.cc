// policy_digest FILE: prints the policy digest of an exec-approvals document
// or of an `openclaw approvals get --json` snapshot (tests only).
#include "runtime/document/policy_digest.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "runtime/document/approvals.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: policy_digest FILE\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) {
    std::cerr << "policy_digest: cannot read " << argv[1] << "\n";
    return 3;
  }
  const clawgate::ParsedApprovals parsed = clawgate::ParseApprovals(text.str());
  if (!parsed.document) {
    std::cerr << "policy_digest: " << argv[1] << ": " << parsed.error << "\n";
    return 3;
  }
  std::cout << clawgate::PolicyDigest(*parsed.document) << "\n";
  return 0;
}
