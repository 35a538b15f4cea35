# `cable synth --copies`: the seed cables again under new IDs, rare words
# renamed in each copy (docs/cli.md), and found under those IDs once indexed.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$CABLE" synth --from corpus/09PARIS268.txt --out "$tmp/copies" --copies 3 --form text \
  | sed -e "s| in [0-9.]* s,| in T s,|" -e "s|$tmp|TMP|"
(cd "$tmp/copies" && find . -type f | sort)
"$CABLE" index --db "$tmp/db" "$tmp/copies" >/dev/null 2>&1
"$CABLE" search --db "$tmp/db" --limit 0 'id:09PARIS2000268 OR id:09PARIS1000268'
"$CABLE" search --db "$tmp/db" --limit 0 'trafficking'
"$CABLE" synth --from corpus/ --out "$tmp/none" --copies 2 --cables 5 >/dev/null 2>&1
echo "--copies with --cables: exit $?"
