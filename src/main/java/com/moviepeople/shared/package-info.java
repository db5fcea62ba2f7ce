/** Tiny types every module may use: the current member, navigation badges. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.moviepeople.shared;
