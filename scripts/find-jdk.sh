#!/usr/bin/env bash
# Prints a JAVA_HOME whose Java is 21 or newer: $JAVA_HOME if it qualifies, else the newest JDK
# under /usr/lib/jvm. Exits 1 with what to install when there is none.
set -u

major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

qualifies() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  local v
  v=$(major "$1")
  [ -n "$v" ] && [ "$v" -ge 21 ]
}

if [ -n "${JAVA_HOME:-}" ] && qualifies "$JAVA_HOME"; then
  echo "$JAVA_HOME"
  exit 0
fi

best="" best_version=0
for dir in /usr/lib/jvm/*/; do
  dir=${dir%/}
  [ -L "$dir" ] && continue
  if qualifies "$dir"; then
    v=$(major "$dir")
    if [ "$v" -gt "$best_version" ]; then
      best=$dir best_version=$v
    fi
  fi
done

if [ -n "$best" ]; then
  echo "$best"
  exit 0
fi

cat >&2 <<'MSG'
RecruitFlow needs a JDK 21 or newer and found none (checked $JAVA_HOME and /usr/lib/jvm/*).
Install one, for example Eclipse Temurin 21 (https://adoptium.net) or your distribution's
openjdk-21-jdk package, then run the command again (or point JAVA_HOME at it).
MSG
exit 1
