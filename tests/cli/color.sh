# Colour only on a terminal, and never with NO_COLOR set or TERM=dumb
# (docs/cli.md). `script` (util-linux, in every Debian) gives the tool a
# terminal.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$CABLE" index --db "$tmp/db" corpus/ >/dev/null 2>&1
search="\"$CABLE\" search --db \"$tmp/db\" --limit 1 trafficking"
escape=$(printf '\033\\[')
looks() { if grep -q "$escape" "$tmp/out"; then echo colour; else echo plain; fi; }
on_terminal() {
  env "$@" script -qec "$search" /dev/null >"$tmp/out" 2>&1
  echo "exit $?, $(looks)"
}
echo "terminal: $(on_terminal TERM=xterm NO_COLOR=)"
echo "terminal, NO_COLOR=1: $(on_terminal TERM=xterm NO_COLOR=1)"
echo "terminal, TERM=dumb: $(on_terminal TERM=dumb NO_COLOR=)"
eval "$search" >"$tmp/out" 2>&1
echo "pipe: exit $?, $(looks)"
