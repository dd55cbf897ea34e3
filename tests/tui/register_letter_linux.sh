#!/bin/sh
# register_letter_linux: register_letter.sh at 80x24 with TERM=linux (function
# keys and Shift-Tab as the Linux console sends them).
TUI_LINUX_PASS=1
. "$(dirname "$0")/register_letter.sh"
