#include "kiji_lua_shims.h"
#include "kiji_process.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/// Allocator record: one per state, reachable through lua_getallocf.
typedef struct {
    size_t used;
    size_t limit;       // 0: unlimited
    int in_host;        // Swift has control: never fail an allocation then
    kiji_host_dispatch dispatch;
    void *host;
    double deadline;    // CLOCK_MONOTONIC seconds; 0: none
    double limit_seconds;
    int stopped;
    atomic_int interrupted;  // set by another thread: kiji_state_interrupt
    int watchdog_slot;  // -1: none armed
} kiji_state_info;

static kiji_state_info *state_info(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return (kiji_state_info *)ud;
}

// The allocator handles the free path first, checks growth without overflow
// and never fails a shrink. While Swift code runs (in_host), it lets the count
// go past the limit instead of failing, because a failure would long-jump
// through Swift; the next allocation made by Lua code then fails.
static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    kiji_state_info *info = (kiji_state_info *)ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        info->used -= old;
        return NULL;
    }
    if (nsize > old && info->limit != 0 && !info->in_host) {
        size_t growth = nsize - old;
        if (info->used > info->limit || growth > info->limit - info->used) return NULL;
    }
    void *block = realloc(ptr, nsize);
    if (block == NULL) {
        if (nsize <= old) return ptr;  // a shrink never fails
        return NULL;
    }
    info->used = info->used - old + nsize;
    return block;
}

int kiji_state_over_limit(lua_State *L) {
    kiji_state_info *info = state_info(L);
    return info->limit != 0 && info->used > info->limit;
}

int kiji_state_charge(lua_State *L, long long bytes) {
    kiji_state_info *info = state_info(L);
    if (bytes < 0) {
        size_t back = (size_t)(-(bytes + 1)) + 1;
        info->used = back > info->used ? 0 : info->used - back;
        return 1;
    }
    size_t more = (size_t)bytes;
    if (info->limit != 0 && (info->used > info->limit || more > info->limit - info->used)) return 0;
    info->used += more;
    return 1;
}

void kiji_push_globals(lua_State *L) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
}

static int panic_handler(lua_State *L) {
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "kiji: unprotected Lua error (a bug in kiji): %s\n", msg ? msg : "?");
    abort();
    return 0;
}

static void silent_warning(void *ud, const char *msg, int tocont) {
    (void)ud; (void)msg; (void)tocont;
}

lua_State *kiji_state_new(size_t memory_limit, kiji_host_dispatch dispatch, void *host) {
    kiji_state_info *info = calloc(1, sizeof *info);
    if (!info) return NULL;
    info->limit = memory_limit;
    info->in_host = 1;
    info->dispatch = dispatch;
    info->host = host;
    info->watchdog_slot = -1;
    lua_State *L = lua_newstate(counting_alloc, info);
    if (!L) { free(info); return NULL; }
    lua_atpanic(L, panic_handler);
    lua_setwarnf(L, silent_warning, NULL);
    return L;
}

static void arm_watchdog(kiji_state_info *info, double seconds, const char *doing) {
    kiji_deadline_disarm(info->watchdog_slot);
    char message[400];
    snprintf(message, sizeof message,
             "kiji: stopped: the time limit of %g seconds is used up %s (raise it with --timeout)\n",
             info->limit_seconds, doing);
    // One grace second for the count hook, which stops Lua code cleanly.
    info->watchdog_slot = kiji_deadline_arm(seconds + 1.0, message);
}

void kiji_state_close(lua_State *L) {
    kiji_state_info *info = state_info(L);
    // Finalizers run here, where no hook can stop them.
    if (info->limit_seconds > 0) {
        arm_watchdog(info, info->limit_seconds, "while closing the Lua state (a __gc finalizer that does not end?)");
    }
    lua_close(L);
    kiji_deadline_disarm(info->watchdog_slot);
    free(info);
}

void *kiji_state_host(lua_State *L) { return state_info(L)->host; }
void kiji_state_set_host(lua_State *L, void *host) { state_info(L)->host = host; }
size_t kiji_state_memory_used(lua_State *L) { return state_info(L)->used; }

// `load` restricted to text chunks: the mode argument is forced to "t".
// An absent env argument must stay absent (load treats an explicit nil as
// "no environment"), so the argument count is kept.
static int load_text_only(lua_State *L) {
    int nargs = lua_gettop(L) >= 4 ? 4 : 3;
    lua_settop(L, 4);
    lua_pushliteral(L, "t");
    lua_replace(L, 3);
    lua_settop(L, nargs);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, nargs, LUA_MULTRET);
    return lua_gettop(L);
}

static int open_sandbox(lua_State *L) {
    static const luaL_Reg libs[] = {
        {LUA_GNAME, luaopen_base},       {LUA_STRLIBNAME, luaopen_string},
        {LUA_TABLIBNAME, luaopen_table}, {LUA_MATHLIBNAME, luaopen_math},
        {LUA_UTF8LIBNAME, luaopen_utf8}, {LUA_COLIBNAME, luaopen_coroutine},
        {NULL, NULL}};
    for (const luaL_Reg *lib = libs; lib->func; lib++) {
        luaL_requiref(L, lib->name, lib->func, 1);
        lua_pop(L, 1);
    }
    lua_pushnil(L); lua_setglobal(L, "dofile");
    lua_pushnil(L); lua_setglobal(L, "loadfile");
    lua_getglobal(L, "load");
    lua_pushcclosure(L, load_text_only, 1);
    lua_setglobal(L, "load");
    return 0;
}


int kiji_open_sandbox(lua_State *L) {
    lua_pushcfunction(L, open_sandbox);
    return kiji_pcall_traceback(L, 0, 0);
}

int kiji_load_text(lua_State *L, const char *buffer, size_t size, const char *chunkname) {
    return luaL_loadbufferx(L, buffer, size, chunkname, "t");
}

// Message handler in the style of lua.c: turns non-string error values into
// text (through __tostring when present) and appends a traceback.
static int message_handler(lua_State *L) {
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
        msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

int kiji_pcall_traceback(lua_State *L, int nargs, int nresults) {
    kiji_state_info *info = state_info(L);
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, message_handler);
    lua_insert(L, base);
    int saved = info->in_host;
    info->in_host = 0;
    int status = lua_pcall(L, nargs, nresults, base);
    info->in_host = saved;
    lua_remove(L, base);
    return status;
}

// The trampoline: calls into Swift, and raises the error Swift left on the
// stack only after the Swift frames have returned.
static int trampoline(lua_State *L) {
    kiji_state_info *info = state_info(L);
    lua_Integer id = lua_tointeger(L, lua_upvalueindex(1));
    int saved = info->in_host;
    info->in_host = 1;
    int results = info->dispatch(L, id);
    info->in_host = saved;
    if (results == KIJI_HOST_ERROR || results == KIJI_HOST_ERROR_AS_IS) {
        if (results == KIJI_HOST_ERROR && lua_type(L, -1) == LUA_TSTRING) {
            luaL_where(L, 1);
            lua_insert(L, -2);
            lua_concat(L, 2);
        }
        return lua_error(L);
    }
    return results;
}

void kiji_push_host_function(lua_State *L, lua_Integer function_id) {
    lua_pushinteger(L, function_id);
    lua_pushcclosure(L, trampoline, 1);
}

static int tostring_helper(lua_State *L) {
    luaL_tolstring(L, 1, NULL);
    return 1;
}

int kiji_protected_tostring(lua_State *L, int index) {
    index = lua_absindex(L, index);
    lua_pushcfunction(L, tostring_helper);
    lua_pushvalue(L, index);
    return kiji_pcall_traceback(L, 1, 1);
}

void **kiji_new_box(lua_State *L, void *pointer, const char *type_name) {
    void **box = (void **)lua_newuserdatauv(L, sizeof(void *), 0);
    *box = pointer;
    luaL_setmetatable(L, type_name);
    return box;
}

void **kiji_test_box(lua_State *L, int index, const char *type_name) {
    return (void **)luaL_testudata(L, index, type_name);
}

int kiji_registry_index(void) { return LUA_REGISTRYINDEX; }
void kiji_pop(lua_State *L, int n) { lua_pop(L, n); }
int kiji_is_integer_valued(lua_State *L, int index) { return lua_isinteger(L, index); }
void kiji_gc_collect(lua_State *L) { lua_gc(L, LUA_GCCOLLECT, 0); }
const char *kiji_typename(lua_State *L, int index) { return luaL_typename(L, index); }
int kiji_get_named_metatable(lua_State *L, const char *name) { return luaL_getmetatable(L, name); }
void kiji_set_empty_environment(lua_State *L) {
    lua_newtable(L);
    if (lua_setupvalue(L, -2, 1) == NULL) lua_pop(L, 1);
}

static double monotonic_seconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

// The count hook checks the clock every so many instructions. Once the time
// is up it re-arms itself to fire on every line, so a plugin's own pcall
// cannot swallow the stop (the technique Redis uses).
static void deadline_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    kiji_state_info *info = state_info(L);
    if (atomic_load(&info->interrupted)) {
        lua_sethook(L, deadline_hook, LUA_MASKLINE | LUA_MASKCOUNT, 1);
        luaL_error(L, "stopped: another worker failed first");
    }
    if (info->deadline == 0) return;
    if (!info->stopped && monotonic_seconds() < info->deadline) return;
    info->stopped = 1;
    // Re-armed on whichever thread (main or coroutine) is running, every
    // time: hooks are per thread, and pcall must not swallow the stop.
    lua_sethook(L, deadline_hook, LUA_MASKLINE | LUA_MASKCOUNT, 1);
    char message[160];  // lua_pushfstring has no %g
    snprintf(message, sizeof message, "stopped: the time limit of %g seconds is used up (raise it with --timeout)", info->limit_seconds);
    luaL_error(L, "%s", message);
}

double kiji_monotonic_seconds(void) { return monotonic_seconds(); }

double kiji_time_limit_deadline(lua_State *L) { return state_info(L)->deadline; }

void kiji_state_interrupt(lua_State *L) {
    atomic_store(&state_info(L)->interrupted, 1);
    lua_sethook(L, deadline_hook, LUA_MASKLINE | LUA_MASKCOUNT, 1);
}

void kiji_set_time_limit(lua_State *L, double seconds) {
    kiji_set_time_limit_until(L, seconds, 0);
}

void kiji_set_time_limit_until(lua_State *L, double seconds, double deadline) {
    kiji_state_info *info = state_info(L);
    info->stopped = 0;
    if (!(seconds > 0)) {
        info->deadline = 0;
        // An interrupt from another thread outlives the limit.
        if (atomic_load(&info->interrupted)) lua_sethook(L, deadline_hook, LUA_MASKLINE | LUA_MASKCOUNT, 1);
        else lua_sethook(L, NULL, 0, 0);
        kiji_deadline_disarm(info->watchdog_slot);
        info->watchdog_slot = -1;
        return;
    }
    double now = monotonic_seconds();
    info->limit_seconds = seconds;
    info->deadline = deadline > 0 ? deadline : now + seconds;
    if (!atomic_load(&info->interrupted)) lua_sethook(L, deadline_hook, LUA_MASKCOUNT, 10000);
    double left = info->deadline - now;
    arm_watchdog(info, left > 0 ? left : 0, "where no hook can stop it (a __gc finalizer, or one long call such as string.find or kiji.tokenize)");
}
