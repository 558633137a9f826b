# Sourced by ./ronbun and .ci/run: finds a JDK of version 21 or newer and exports JAVA_HOME for it.
# JAVA_HOME wins when it is new enough; otherwise the newest JDK under /usr/lib/jvm (or RONBUN_JVM_DIRS).
# Sets RONBUN_JAVA to its java launcher and says on stderr which one it chose; returns 1 when there is none.

RONBUN_MIN_JAVA=21

# Prints the major version of the JDK at $1 (e.g. 25), or nothing if $1 has no runnable java.
ronbun_java_major() {
  local java="$1/bin/java"
  [ -x "$java" ] || return 0
  "$java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ { v = $2; sub(/^1\./, "", v); split(v, parts, "."); print parts[1]; exit }'
}

ronbun_select_java() {
  local requested="${JAVA_HOME:-}" major best="" best_major=0 candidate
  if [ -n "$requested" ]; then
    major="$(ronbun_java_major "$requested")"
    if [ -n "$major" ] && [ "$major" -ge "$RONBUN_MIN_JAVA" ] && [ -x "$requested/bin/javac" ]; then
      best="$requested"; best_major="$major"
    else
      echo "ronbun: JAVA_HOME=$requested is ${major:+Java $major, }not a JDK $RONBUN_MIN_JAVA or newer; looking for another" >&2
    fi
  fi
  if [ -z "$best" ]; then
    for candidate in ${RONBUN_JVM_DIRS:-/usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/*}; do
      [ -x "$candidate/bin/javac" ] || continue
      major="$(ronbun_java_major "$candidate")"
      if [ -n "$major" ] && [ "$major" -gt "$best_major" ]; then
        best="$candidate"; best_major="$major"
      fi
    done
  fi
  if [ -z "$best" ] || [ "$best_major" -lt "$RONBUN_MIN_JAVA" ]; then
    echo "ronbun: no JDK $RONBUN_MIN_JAVA or newer found (looked at JAVA_HOME and /usr/lib/jvm)." >&2
    echo "ronbun: install one (e.g. Temurin 21 or 25) or point JAVA_HOME at it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
  RONBUN_JAVA="$JAVA_HOME/bin/java"
  echo "ronbun: using Java $best_major from $JAVA_HOME" >&2
}
