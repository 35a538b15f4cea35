# One small fixture in each input form, and the exit status for a bad input.
"$CABLE" parse corpus/fixtures/ 2>&1
echo "exit: $?"
"$CABLE" parse corpus/fixtures/ tests/cli/data/not-a-cable.txt 2>&1 || echo "exit: $?"
