#!/bin/bash
# Run once by the mysql image on an empty data directory (docker-compose.yml): one database and one
# user per service, each user allowed into its own database only. The services are those with a
# DELMS_<NAME>_DB_PASSWORD in this container's environment (delms_license for LICENSE, and so on);
# their tables are Flyway's, at each service's start.
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
  sql+="GRANT ALL PRIVILEGES ON $name.* TO '$name'@'%';"
done
[[ -n $sql ]] || { echo "no DELMS_<NAME>_DB_PASSWORD given: no service database created" >&2; exit 1; }
mysql --protocol=socket -uroot -p"$MYSQL_ROOT_PASSWORD" -e "$sql"
