// Boost.Fusion adaptation of the rule AST (private to compiler/rule/).
#ifndef CLAWGATE_COMPILER_RULE_AST_ADAPTED_H_
#define CLAWGATE_COMPILER_RULE_AST_ADAPTED_H_

#include <boost/fusion/include/adapt_struct.hpp>

#include "compiler/rule/ast.h"

BOOST_FUSION_ADAPT_STRUCT(clawgate::rule::ast::AnyArgs, marker)
BOOST_FUSION_ADAPT_STRUCT(clawgate::rule::ast::OneArg, marker)
BOOST_FUSION_ADAPT_STRUCT(clawgate::rule::ast::PathGlob, text)
BOOST_FUSION_ADAPT_STRUCT(clawgate::rule::ast::Rule, path, args)

#endif  // CLAWGATE_COMPILER_RULE_AST_ADAPTED_H_
