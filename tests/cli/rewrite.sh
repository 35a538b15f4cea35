# A bulk build keeps no term lists; the first run that replaces one of its
# cables writes that cable's shard anew, and says how far it is
# (docs/cli.md). Standard error is not a terminal here: a line every tenth.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$CABLE" synth --from corpus/ --out "$tmp/corpus" --cables 3000 --form csv --seed 3 --sizes seeds \
  >/dev/null 2>&1
"$CABLE" index --db "$tmp/db" --shards 2 --segment-cables 500 "$tmp/corpus" >/dev/null 2>&1
echo "build: exit $?"
# One cable of the corpus, changed, in the plain-text form.
id=$(sed -n '1s/^"[^"]*","[^"]*","\([^"]*\)".*/\1/p' "$tmp/corpus/cables.csv")
mkdir "$tmp/changed"
printf '%s\nA CHANGED CABLE\nMon Mar 09 20:15:00 +0100 2009\nUNCLASSIFIED\nEmbassy Paris\n\nUNCLAS PARIS 000001\n\nTAGS: PGOV\nSUBJECT: A CHANGED CABLE\n\n1. Gunboats arrived.\n' \
  "$id" >"$tmp/changed/$id.txt"
"$CABLE" index --db "$tmp/db" "$tmp/changed" 2>&1 |
  grep -v '^indexing:' |
  sed -e "s|$tmp|TMP|g" -e 's/[0-9.]* s\( so far)\)\?$/T s\1/' -e 's/[0-9][0-9]* cables anew/N cables anew/' \
    -e 's|[0-9][0-9]*/[0-9][0-9]* cables|D/N cables|'
"$CABLE" search --db "$tmp/db" --limit 1 '"gunboats arrived"' | grep -c "$id"
