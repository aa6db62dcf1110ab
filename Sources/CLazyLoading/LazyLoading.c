// Opening a library on first use and resolving its functions (see include/CLazyLoading.h).

#include <dlfcn.h>
#include <stdio.h>

#include "CLazyLoading.h"

void wt_lazy_message(char *destination, size_t size, const char *message) {
    if (destination == NULL || size == 0) return;
    snprintf(destination, size, "%s", message);
}

int wt_lazy_open(const char *soname, const char *const *names, size_t count, void **symbols, int keep,
                 char *why, size_t size) {
    void *handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        const char *message = dlerror();
        wt_lazy_message(why, size, message != NULL ? message : "dlopen failed");
        return 0;
    }
    for (size_t index = 0; index < count; index += 1) {
        symbols[index] = dlsym(handle, names[index]);
        if (symbols[index] == NULL) {
            char message[256];
            snprintf(message, sizeof message, "%s has no %s", soname, names[index]);
            wt_lazy_message(why, size, message);
            dlclose(handle);
            return 0;
        }
    }
    if (!keep) dlclose(handle);
    return 1;
}
