#!/bin/sh
# Regenerates the certificates of test/deliverability/smtp.test.ts with OpenSSL 3 (no network).
# The CA key is thrown away: nothing but these fixtures is ever signed by this CA.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$tmp/ca-key.pem"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out server-key.pem

# sign OUT CN SAN START END SIGNER: SAN "ca" makes the CA certificate; SIGNER is "ca" (the test CA) or "self" (self-signed with
# server-key.pem); `openssl ca` is used because it sets explicit dates (the expired certificate).
sign() {
  out=$1 cn=$2 san=$3 start=$4 end=$5 signer=$6
  if [ "$san" = ca ]; then
    key="$tmp/ca-key.pem"
    ext="basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign"
  else
    key=server-key.pem
    ext="basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = $san"
  fi
  rm -rf "$tmp/db" && mkdir "$tmp/db" && : > "$tmp/db/index" && echo 01 > "$tmp/db/serial"
  cat > "$tmp/ca.cnf" <<CNF
[ca]
default_ca = test
[test]
database = $tmp/db/index
serial = $tmp/db/serial
new_certs_dir = $tmp/db
default_md = sha256
policy = any
copy_extensions = none
x509_extensions = ext
unique_subject = no
[any]
commonName = supplied
[ext]
$ext
CNF
  openssl req -new -key "$key" -subj "/CN=$cn" -out "$tmp/req.csr"
  if [ "$signer" = self ]; then
    openssl ca -batch -notext -config "$tmp/ca.cnf" -selfsign -keyfile "$key" \
      -startdate "$start" -enddate "$end" -in "$tmp/req.csr" -out "$out" 2>/dev/null
  else
    openssl ca -batch -notext -config "$tmp/ca.cnf" -cert ca.pem -keyfile "$tmp/ca-key.pem" \
      -startdate "$start" -enddate "$end" -in "$tmp/req.csr" -out "$out" 2>/dev/null
  fi
}

names="DNS:localhost,IP:127.0.0.1,IP:::1"
sign ca.pem "Mailproof Test CA" ca 20240101000000Z 21240101000000Z self
sign localhost.pem localhost "$names" 20240101000000Z 21240101000000Z ca
sign expired.pem localhost "$names" 20000101000000Z 20010101000000Z ca
sign wrong-name.pem mail.wrong.example DNS:mail.wrong.example 20240101000000Z 21240101000000Z ca
sign self-signed.pem localhost "$names" 20240101000000Z 21240101000000Z self
# MTA-STS policy hosts of the DNS fixture zones (test/deliverability/fixtures.ts); stsbadcert.example is left out on purpose.
sts="DNS:mta-sts.stsgood.example,DNS:mta-sts.stsmismatch.example,DNS:mta-sts.ststesting.example,DNS:mta-sts.stsnofile.example,DNS:mta-sts.stsbadpolicy.example"
sign mta-sts.pem mta-sts.stsgood.example "$sts" 20240101000000Z 21240101000000Z ca
