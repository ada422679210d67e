# clawgate_warnings(target): the project's warning set.
function(clawgate_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                         -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
                         -Wunused -Woverloaded-virtual
                         -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
  if(CLAWGATE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
