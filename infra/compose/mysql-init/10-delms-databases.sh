#!/bin/bash
# One database and one user per service, each user allowed into its own database only, like the
# launcher's setup_databases. The services are those with a DELMS_<NAME>_DB_PASSWORD in the
# environment (delms_license for LICENSE, and so on); their tables are Flyway's, at each service's
# start. Idempotent: a changed password applies.
# Run by the mysql image once on an empty data directory (docker-compose.yml, over its socket) and by
# the Kubernetes Job delms-databases (k8s/base/mysql, a checked copy of this file: MYSQL_HOST set).
set -euo pipefail

sql_quote() { local s=${1//\\/\\\\}; printf "'%s'" "${s//\'/\'\'}"; }

sql=""
for var in $(compgen -e | grep -E '^DELMS_[A-Z]+_DB_PASSWORD$'); do
  name=${var#DELMS_}
  name=${name%_DB_PASSWORD}
  name=delms_${name,,}
  password=$(sql_quote "${!var}")
  sql+="CREATE DATABASE IF NOT EXISTS $name CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  sql+="CREATE USER IF NOT EXISTS '$name'@'%' IDENTIFIED BY $password;"
  sql+="ALTER USER '$name'@'%' IDENTIFIED BY $password;"
  sql+="GRANT ALL PRIVILEGES ON $name.* TO '$name'@'%';"
done
[[ -n $sql ]] || { echo "no DELMS_<NAME>_DB_PASSWORD given: no service database created" >&2; exit 1; }
if [[ -n ${MYSQL_HOST:-} ]]; then
  connection=(--protocol=tcp -h "$MYSQL_HOST" -P "${MYSQL_PORT:-3306}")
else
  connection=(--protocol=socket)
fi
mysql "${connection[@]}" -u "${MYSQL_ROOT_USER:-root}" -p"$MYSQL_ROOT_PASSWORD" -e "$sql"
