// Ed25519 key pairs for the tests, generated with libcrypto.
#ifndef CLAWGATE_TESTS_SUPPORT_KEYS_H_
#define CLAWGATE_TESTS_SUPPORT_KEYS_H_

#include <string>

namespace clawgate::testing_support {

struct KeyPair {
  std::string private_pem;
  std::string public_pem;
};

/// A fresh Ed25519 key pair as PEM text.
KeyPair GenerateEd25519KeyPair();

}  // namespace clawgate::testing_support

#endif  // CLAWGATE_TESTS_SUPPORT_KEYS_H_
