// What each target's evaluation provides to the engine: the allowlist
// evaluation of one shell command string, with everything the target needs
// (compiled entries, the host's file system and platform) bound at
// construction.
#ifndef CLAWGATE_RUNTIME_ENGINE_EVALUATOR_H_
#define CLAWGATE_RUNTIME_ENGINE_EVALUATOR_H_

#include <string_view>

#include "runtime/engine/decision.h"

namespace clawgate {

class Evaluator {
 public:
  virtual ~Evaluator() = default;
  virtual Evaluation Evaluate(std::string_view command, const ExecEnvironment& env) const = 0;
};

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_ENGINE_EVALUATOR_H_
