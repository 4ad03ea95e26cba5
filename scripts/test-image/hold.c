/* hold MIB: allocate MIB mebibytes of anonymous memory, touch every page so it
 * is resident (not page cache), then sleep forever. Exits 0 on SIGTERM/SIGINT.
 * Built statically by scripts/build-test-images.sh (gcc -static). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

static void on_term(int sig) { (void)sig; _exit(0); }

int main(int argc, char **argv) {
	if (argc != 2) {
		fprintf(stderr, "usage: hold MIB\n");
		return 2;
	}
	char *end;
	long mib = strtol(argv[1], &end, 10);
	if (*end != '\0' || mib < 0) {
		fprintf(stderr, "hold: bad size: %s\n", argv[1]);
		return 2;
	}
	signal(SIGTERM, on_term);
	signal(SIGINT, on_term);
	size_t size = (size_t)mib << 20;
	if (size > 0) {
		volatile char *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED) {
			perror("hold: mmap");
			return 1;
		}
		long page = sysconf(_SC_PAGESIZE);
		for (size_t i = 0; i < size; i += (size_t)page)
			p[i] = 1; /* non-zero write: a real page, never the shared zero page */
	}
	printf("holding %ld MiB\n", mib);
	fflush(stdout);
	for (;;)
		pause();
}
