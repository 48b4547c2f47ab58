# harness_warnings: an INTERFACE target carrying the warning flags; linked PRIVATE by every
# target of the project, never set globally (cmake_template style).
add_library(harness_warnings INTERFACE)
add_library(harness::warnings ALIAS harness_warnings)
target_compile_options(harness_warnings INTERFACE
    -Wall -Wextra -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual -Wnull-dereference
    -Wduplicated-cond -Wlogical-op)
option(HARNESS_WERROR "Treat warnings as errors" OFF)
if(HARNESS_WERROR)
    target_compile_options(harness_warnings INTERFACE -Werror)
endif()
