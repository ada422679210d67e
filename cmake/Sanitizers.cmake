# With CLAWGATE_SANITIZE=ON every target is built with ASan and UBSan; any
# UBSan finding aborts so that ctest reports it as a failure.
if(CLAWGATE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
