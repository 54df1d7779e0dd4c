# Sourced by the other scripts: puts the project's build tools on PATH.
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH"
