// GNU coreutils in the VM (wasm/dist/coreutils.wasm) against the host's coreutils: the cases of
// tools-cases/coreutils.sh, each in a fresh host temp dir and a fresh VM (tools-harness.ts).
// Known differences run as `todo` with the exact host vs agentvm output; the lead fixes the runtime.

import { runToolCases } from './tools-harness.ts';

const known: Record<string, string> = {
  'ls-long-fixed-mtime': 'stat through WASI reports no permission bits (the VFS has them: vm.fs.stat gives 0100644) and no block count. host: "total 8" / "-rw-r--r-- 1 root root    0 Jan  2  2024 empty" / ' +
    '"drwxr-xr-x 2 root root 4096 Jan  2  2024 sub"; agentvm: "total 0" / "---------- 1 root root    0 Jan  2  2024 empty" / "d--------- 2 root root 4096 Jan  2  2024 sub"',
  'ls-long-time-style': 'stat through WASI reports no permission bits (the VFS has them: vm.fs.stat gives 0100644). host "-rw-r--r-- 1 root root 4 2023-07-04 f", agentvm "---------- 1 root root 4 2023-07-04 f" (times match)',
  'ls-long-mode-bits': 'chmod 755/600 change nothing and stat shows no bits. host "-rwxr-xr-x … f" / "-rw------- … g", agentvm "---------- … f" / "---------- … g"',
  'stat-mode-format': 'stat through WASI reports no permission bits (the VFS has them: vm.fs.stat gives 0100644). host "640 -rw-r----- f", agentvm "0 ---------- f"',
  'chmod-x-then-run-script': 'chmod +x exits 0 but the mode stays 0644 (a silent success). host "hi from script" / "status 0" / "executable"; ' +
    'agentvm stderr "bash: line 2: ./s.sh: Permission denied", "status 126", no "executable"',
  'mkdir-p-several-nested': 'mkdir -p with several nested operands resolves the later ones against the previous one (the saved cwd is not restored): ' +
    'host creates a/sub b/sub c, status 0; agentvm creates a/sub and a/c, status 1, stderr "mkdir: cannot create directory \'b/sub\': Not a directory"',
  'split-csplit': 'split and csplit cannot open their input: agentvm stderr "split: cannot open \'lines100\' for reading: Function not implemented" ' +
    '(same for csplit), stdout only "0 total", status 1; host prints part-aa…ac, the last part, the sizes and " 49 xx00 / 25 xx01 / 26 xx02 / 100 total"',
  'truncate-dd': 'dd cannot open /dev/zero: "dd: failed to open \'/dev/zero\': Function not implemented", so the od line "  \\0  \\0 … (8×)" is missing',
  'ln-readlink': 'hard links fail: agentvm stderr "ln: failed to create hard link \'hard\' => \'target\': No such file or directory" (host: none)',
  'env-printenv': 'env cannot run a program (no exec from WASM): agentvm "env: \'printenv\': Function not implemented" ×2 and "status 126"; host "bar", "status 1"',
  'timeout-kills-command': 'timeout cannot fork: agentvm "timeout: fork system call failed: Function not implemented" ×2, "status 125" ×2; host "status 124", "status 0"',
  'uname-kernel-name': 'uname reports WASI: host "Linux" / "GNU/Linux", agentvm "wasi" / "Wasi"',
};

runToolCases('coreutils', known);
