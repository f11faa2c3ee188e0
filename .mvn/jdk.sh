# Sourced by ./mvnw and ./mechanist: picks a JDK >= 21 without the user exporting anything.
# Order: $MECHANIST_JAVA_HOME, $JAVA_HOME, `java` on PATH, then the newest JDK found under the usual JVM folders.

mechanist_java_major() { # $1 = path of a java binary; prints its feature version (e.g. 25) or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

mechanist_find_jdk() { # sets MECHANIST_JDK to a JDK home whose java is >= 21, or returns 1
  for home in "${MECHANIST_JAVA_HOME-}" "${JAVA_HOME-}"; do
    if [ -n "$home" ] && [ -x "$home/bin/java" ] && [ "$(mechanist_java_major "$home/bin/java")" -ge 21 ] 2>/dev/null; then
      MECHANIST_JDK="$home"; return 0
    fi
  done
  if command -v java >/dev/null 2>&1; then
    onpath="$(command -v java)"
    if [ "$(mechanist_java_major "$onpath")" -ge 21 ] 2>/dev/null; then
      MECHANIST_JDK="$(cd "$(dirname "$(readlink -f "$onpath")")/.." && pwd)"; return 0
    fi
  fi
  best=""; best_major=0
  for home in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    major="$(mechanist_java_major "$home/bin/java")"
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$home"; best_major="$major"; fi
  done
  [ -n "$best" ] || return 1
  MECHANIST_JDK="$best"
}
