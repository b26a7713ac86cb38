#!/usr/bin/env bash
# Renders the production nginx site (deploy/nginx/) for a run on loopback:
# the same file a council installs, with only its EDIT lines pointed at a
# work directory, so the tests check the real configuration.
#
#   scripts/nginx-site.sh WORKDIR HTTP_PORT HTTPS_PORT DIST UPSTREAM_PORT...
#
# Writes WORKDIR/nginx.conf, a self-signed certificate for localhost and the
# rendered site, runs `nginx -t` on it, and prints the command that starts
# nginx in the foreground. Exits 1 when a production value is left over or
# nginx refuses the configuration.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$#" -ge 5 ] || { echo "usage: $0 WORKDIR HTTP_PORT HTTPS_PORT DIST UPSTREAM_PORT..." >&2; exit 2; }
work=$1 http=$2 https=$3 dist=$4
shift 4
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || { echo "nginx is missing: run scripts/ensure-tools.sh --tests" >&2; exit 1; }
brotli_module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
[ -f "$brotli_module" ] || { echo "nginx's brotli module is missing: run scripts/ensure-tools.sh --tests" >&2; exit 1; }

mkdir -p "$work/tls" "$work/temp" "$work/logs"
if [ ! -f "$work/tls/privkey.pem" ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
    -addext subjectAltName=DNS:localhost,IP:127.0.0.1 \
    -keyout "$work/tls/privkey.pem" -out "$work/tls/fullchain.pem" 2>/dev/null
fi

upstreams=""
for port in "$@"; do upstreams+="    server 127.0.0.1:$port;\n"; done

# Each production value, replaced by its loopback one; anything left over
# fails below, so a new EDIT line cannot slip past the tests.
sed -e '/listen \[::\]:/d' \
    -e "s|^\(\s*\)listen 80;|\1listen 127.0.0.1:$http;|" \
    -e "s|^\(\s*\)listen 443 ssl http2;|\1listen 127.0.0.1:$https ssl http2;|" \
    -e "s|return 301 https://\$host\$request_uri;|return 301 https://\$host:$https\$request_uri;|" \
    -e "s|^\s*server 127.0.0.1:8080;.*|$upstreams|" \
    -e "s|server_name goodforme.example.gov.uk;.*|server_name localhost;|" \
    -e "s|/etc/ssl/goodforme/|$work/tls/|" \
    -e "s|root /opt/goodforme/dist;.*|root $dist;|" \
    -e "s|include /etc/nginx/goodforme-proxy.conf;.*|include $work/goodforme-proxy.conf;|" \
    -e 's|^\(\s*[^#[:space:]].*;\)\s*# EDIT.*|\1|' \
    deploy/nginx/goodforme.conf >"$work/goodforme.conf"
cp deploy/nginx/goodforme-proxy.conf "$work/goodforme-proxy.conf"
if grep -nE 'example\.gov\.uk|/etc/ssl|/opt/goodforme|/etc/nginx/goodforme' "$work/goodforme.conf" >&2; then
  echo "nginx-site: deploy/nginx/goodforme.conf has a production value this script does not replace (above)" >&2
  exit 1
fi

cat >"$work/nginx.conf" <<EOF
load_module $brotli_module;
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log $work/logs/access.log;
  # Which instance answered each request (the multi-instance checks read it).
  log_format upstreams '\$upstream_addr \$status \$request';
  access_log $work/logs/upstreams.log upstreams;
  client_body_temp_path $work/temp/body;
  proxy_temp_path $work/temp/proxy;
  fastcgi_temp_path $work/temp/fastcgi;
  uwsgi_temp_path $work/temp/uwsgi;
  scgi_temp_path $work/temp/scgi;
  include $work/goodforme.conf;
}
EOF
"$NGINX" -t -q -p "$work" -c "$work/nginx.conf"
echo "$NGINX -p $work -c $work/nginx.conf"
