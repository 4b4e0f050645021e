/* A stand-in for bcryptprimitives.dll under Debian's wine 8.0, which lacks it (wine 8.13 added
 * it). Current Rust std imports ProcessPrng from it; without the DLL every Rust exe stops at
 * once under wine. Used by scripts/test-windows.sh only: real Windows 10/11 has the DLL. */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
