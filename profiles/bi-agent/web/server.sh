#!/bin/sh
# BI-Agent web stand-in program: serves public/ on PORT, logs like `next start`.
. /usr/local/lib/standin.sh
echo "  ▲ Next.js 14.0.4"
echo "  - Local:        http://localhost:${PORT:-3001}"
echo "  - API:          ${NEXT_PUBLIC_API_URL:-http://localhost:3000}"
standin_http "${PORT:-3001}" /app/public
echo " ✓ Ready in 0.4s"
standin_wait
