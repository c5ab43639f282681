// The fuzzer's entry point (see FuzzMain.c).
int qingshan_fuzz_main(int argc, char **argv);
