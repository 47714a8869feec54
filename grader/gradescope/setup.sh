#!/usr/bin/env bash
# Gradescope autograder setup (runs once when the image is built).
# Upload a zip of the whole course repository (with grader/ and solutions/)
# as the autograder; Gradescope unpacks it into /autograder/source.
set -euo pipefail
apt-get update && apt-get install -y nodejs npm util-linux
npm i -g deno@2.9.6
cd /autograder/source
# Fill Deno's cache now: the grader runs with --cached-only and no network.
deno cache grader/main.ts grader/child.ts lib/tf.ts solutions/*/*.ts
