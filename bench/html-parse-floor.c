/* copydesk — the floor for HTML readers built on libxml2: parse each page and free it.
 *
 * Usage: html-parse-floor [-r ROUNDS] PAGE.html...
 * Reads every page into memory first, then parses all of them ROUNDS times (default 5) with
 * libxml2's HTML parser and the options copydesk uses (recover, no network, no error output),
 * and prints pages per CPU-second (process CPU time, so other work on a shared machine does not
 * skew it). No tree walk, no text extraction: nothing a libxml2-based reader does can be faster.
 */
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct page { char *bytes; long size; };

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    int rounds = 5, first = 1;
    if (argc > 2 && strcmp(argv[1], "-r") == 0) { rounds = atoi(argv[2]); first = 3; }
    int count = argc - first;
    if (count <= 0) { fprintf(stderr, "usage: %s [-r ROUNDS] PAGE.html...\n", argv[0]); return 2; }
    struct page *pages = calloc((size_t)count, sizeof *pages);
    long total = 0;
    for (int i = 0; i < count; i++) {
        FILE *file = fopen(argv[first + i], "rb");
        if (!file) { perror(argv[first + i]); return 2; }
        fseek(file, 0, SEEK_END);
        pages[i].size = ftell(file);
        fseek(file, 0, SEEK_SET);
        pages[i].bytes = malloc((size_t)pages[i].size + 1);
        if (fread(pages[i].bytes, 1, (size_t)pages[i].size, file) != (size_t)pages[i].size) { perror("read"); return 2; }
        fclose(file);
        total += pages[i].size;
    }
    xmlInitParser();
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                  HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD;
    double start = now();
    for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < count; i++) {
            htmlParserCtxtPtr context = htmlNewParserCtxt();
            htmlDocPtr doc = htmlCtxtReadMemory(context, pages[i].bytes, (int)pages[i].size, "page", "UTF-8", options);
            if (doc) xmlFreeDoc(doc);
            htmlFreeParserCtxt(context);
        }
    }
    double seconds = now() - start;
    double pages_per_second = count * rounds / seconds;
    printf("libxml2 bare parse: %d pages x %d rounds in %.3f s: %.1f pages/s, %.1f MB/s\n", count, rounds, seconds,
           pages_per_second, total * (double)rounds / seconds / 1e6);
    for (int i = 0; i < count; i++) free(pages[i].bytes);
    free(pages);
    return 0;
}
