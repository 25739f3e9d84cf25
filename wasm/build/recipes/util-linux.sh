# util-linux 2.38.1 (Debian 12 source): only small standalone text and misc tools, one
# module each, with the two libraries they need (libsmartcols, libuuid); everything that
# needs devices, mounts, terminals (more, ul, setterm), login records or process control is
# not built (only the programs named in UL_PROGS are made). hexdump answers
# to `hd` too (= hexdump -C, chosen by argv[0]). No source edits.
# Debian patches edit configure.ac (an install-time option) and Makefile fragments for
# programs not built here: make is told not to regenerate the autotools files.
# Does not link yet: needs err/errx/warn/warnx, flock and realpath from the compat library.
PKG=util-linux DEB_VERSION=2.38.1-5+deb12u3 LICENSE=GPL-2.0-or-later
NOREGEN=(ACLOCAL=true AUTOCONF=true AUTOMAKE=true AUTOHEADER=true)
# program -> licence of its source file (the util-linux lib/ code linked in is public
# domain or LGPL-2.1-or-later; libsmartcols LGPL-2.1-or-later; libuuid BSD-3-Clause)
declare -A UL_LICENSE=(
  [hexdump]=BSD-4-Clause-UC [column]=BSD-4-Clause-UC [rev]=BSD-4-Clause-UC [col]=BSD-4-Clause-UC
  [colcrt]=BSD-4-Clause-UC [colrm]=BSD-4-Clause-UC [look]=BSD-4-Clause-UC [cal]=BSD-4-Clause-UC
  [whereis]=BSD-4-Clause-UC [getopt]=GPL-2.0-or-later [namei]=GPL-2.0-or-later
  [mcookie]=LicenseRef-public-domain [uuidgen]=GPL-2.0-or-later [uuidparse]=BSD-3-Clause
)
UL_PROGS=(hexdump column rev col colcrt colrm look cal whereis getopt namei mcookie uuidgen uuidparse)
# Not --disable-all-programs: hexdump, column, rev, col*, look, getopt, namei, mcookie have no
# --enable option and would stay off. configure decides per program (most default to "check");
# only the programs named below are made.
recipe_configure() {
  wasm_configure "$PWD" --enable-libsmartcols --enable-libuuid --enable-cal --enable-whereis --enable-uuidgen \
    --disable-shared --disable-asciidoc --disable-poman --disable-bash-completion --disable-makeinstall-chown \
    --without-ncurses --without-ncursesw --without-tinfo --without-readline --without-libmagic \
    --without-systemd --without-udev --without-python --without-cap-ng --without-btrfs --without-audit \
    --without-user --without-selinux --without-smack --without-econf
}
# libtool refuses to put the compat start-up object (in LIBS) into a libtool library:
# the libraries are made with LIBS minus that object, the programs with the full LIBS.
# lib/procfs.c (Linux /proc helpers; needs <sys/vfs.h> statfs, absent in WASI) is left out of
# libcommon (make-line override of automake's object list): none of these programs uses it.
UL_COMMON_OBJS="lib/libcommon_la-path.lo lib/libcommon_la-sysfs.lo"
recipe_make() {
  grep -A3 '^am__objects_5 = ' Makefile | grep -q 'libcommon_la-procfs.lo'
  local m=(make -j"${MAKE_JOBS:-1}" "${NOREGEN[@]}" am__objects_5="$UL_COMMON_OBJS")
  "${m[@]}" LIBS="${WASM_LIBS/$COMPAT_OUT\/agentvm-start.o /}" libcommon.la libtcolors.la libsmartcols.la libuuid.la
  # configure.ac empties LIBS after its checks (libraries are named per program): the compat
  # libraries are given on the make line.
  "${m[@]}" LIBS="$WASM_LIBS" "${UL_PROGS[@]}"
}
recipe_emit() {
  local p
  for p in "${UL_PROGS[@]}"; do
    LICENSE=${UL_LICENSE[$p]}
    if [ "$p" = hexdump ]; then emit hexdump hexdump hexdump hd; else emit "$p" "$p" "$p"; fi
  done
}
