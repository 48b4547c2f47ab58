# Script mode (cmake -P): runs contract_validate and checks its exit code and, when GOLDEN is
# given, its stdout byte for byte against the golden file.
#   -DEXE=path -DARGS="a|b|c" -DWORKDIR=dir -DEXPECT_RC=n [-DGOLDEN=file]
# With the environment variable UPDATE_GOLDEN=1 the golden file is rewritten instead.
string(REPLACE "|" ";" args "${ARGS}")
execute_process(COMMAND ${EXE} ${args}
    WORKING_DIRECTORY ${WORKDIR}
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err)
if(DEFINED GOLDEN AND NOT GOLDEN STREQUAL "")
    if("$ENV{UPDATE_GOLDEN}" STREQUAL "1")
        file(WRITE "${GOLDEN}" "${out}")
    else()
        file(READ "${GOLDEN}" expected)
        if(NOT out STREQUAL expected)
            message(FATAL_ERROR "output differs from ${GOLDEN} (UPDATE_GOLDEN=1 rewrites it)\n"
                                "--- actual ---\n${out}--- expected ---\n${expected}")
        endif()
    endif()
endif()
if(NOT rc STREQUAL EXPECT_RC)
    message(FATAL_ERROR "exit code ${rc}, expected ${EXPECT_RC}\nstdout:\n${out}\nstderr:\n${err}")
endif()
