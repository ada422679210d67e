// Iterator and context types the rule grammar is instantiated for.
#ifndef CLAWGATE_COMPILER_RULE_CONFIG_H_
#define CLAWGATE_COMPILER_RULE_CONFIG_H_

#include <boost/spirit/home/x3.hpp>
#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>
#include <functional>
#include <string_view>
#include <vector>

namespace clawgate::rule::parser {

namespace x3 = boost::spirit::x3;

using iterator_type = std::string_view::const_iterator;
using position_cache = x3::position_cache<std::vector<iterator_type>>;

struct position_cache_tag;

using context_type = x3::context<position_cache_tag, std::reference_wrapper<position_cache>, x3::unused_type>;

}  // namespace clawgate::rule::parser

#endif  // CLAWGATE_COMPILER_RULE_CONFIG_H_
